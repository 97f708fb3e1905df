package io.stipple.client.domain;

import java.util.List;

/** The classification scale of a hair-loss assessment and the stages it allows. */
public enum HairLossScale {
    /** Men: Norwood 1-7 with the A (anterior) and V (vertex) variants. */
    NORWOOD(List.of("1", "2", "2A", "3", "3A", "3V", "4", "4A", "5", "5A", "5V", "6", "7")),
    /** Women: Ludwig I-III. */
    LUDWIG(List.of("I", "II", "III")),
    /** No pattern hair loss (scars, birthmarks, alopecia): no stage. */
    NONE(List.of());

    private final List<String> stages;

    HairLossScale(List<String> stages) {
        this.stages = stages;
    }

    public List<String> stages() {
        return stages;
    }

    /** True when {@code stage} is a stage of this scale ({@code null} only for {@link #NONE}). */
    public boolean allows(String stage) {
        return this == NONE ? stage == null : stage != null && stages.contains(stage);
    }
}
