package io.stipple.gallery.domain;

import java.util.Set;

/** Norwood (men) or Ludwig (women) with their stages, as in the event contract. */
public enum HairLossScale {
    NORWOOD(Set.of("1", "2", "2A", "3", "3A", "3V", "4", "4A", "5", "5A", "5V", "6", "7")),
    LUDWIG(Set.of("I", "II", "III")),
    NONE(Set.of());

    private final Set<String> stages;

    HairLossScale(Set<String> stages) {
        this.stages = stages;
    }

    public boolean hasStage(String stage) {
        return stage != null && stages.contains(stage);
    }

    /** The scale a stage belongs to, if any (Norwood and Ludwig stages never overlap). */
    public static java.util.Optional<HairLossScale> ofStage(String stage) {
        for (HairLossScale scale : values()) {
            if (scale.hasStage(stage)) {
                return java.util.Optional.of(scale);
            }
        }
        return java.util.Optional.empty();
    }
}
