package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentTest {

    private static Assessment norwood(String stage) {
        Assessment a = new Assessment();
        a.scale = HairLossScale.NORWOOD;
        a.stage = stage;
        a.condition = Condition.ANDROGENETIC;
        a.coveragePercent = 60;
        a.fitzpatrickType = 3;
        a.desiredLook = DesiredLook.SHAVED_FOLLICLE_REPLICATION;
        return a;
    }

    private static String fieldOf(Throwable t) {
        RuleViolation e = (RuleViolation) t;
        return e.field();
    }

    @Test
    void everyNorwoodStageIncludingVariantsIsAccepted() {
        for (String stage : HairLossScale.NORWOOD.stages()) {
            assertThatCode(() -> norwood(stage).checkConsistent()).doesNotThrowAnyException();
        }
        assertThat(HairLossScale.NORWOOD.stages()).contains("2A", "3V", "5A", "7");
    }

    @Test
    void aLudwigStageOnTheNorwoodScaleIsRefusedNamingTheStage() {
        assertThatThrownBy(() -> norwood("II").checkConsistent()).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("stage"));
        assertThatThrownBy(() -> norwood(null).checkConsistent()).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("stage"));
        assertThatThrownBy(() -> norwood("8").checkConsistent()).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("stage"));
    }

    @Test
    void aNorwoodStageOnTheLudwigScaleIsRefused() {
        Assessment a = norwood("3");
        a.scale = HairLossScale.LUDWIG;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("stage"));
        a.stage = "III";
        assertThatCode(a::checkConsistent).doesNotThrowAnyException();
    }

    @Test
    void noScaleMeansNoStage() {
        Assessment a = norwood("3");
        a.scale = HairLossScale.NONE;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("stage"));
        a.stage = null;
        assertThatCode(a::checkConsistent).doesNotThrowAnyException();
    }

    @Test
    void coverageOver100PercentIsRefused() {
        Assessment a = norwood("3");
        a.coveragePercent = 101;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("coveragePercent"));
        a.coveragePercent = 100;
        assertThatCode(a::checkConsistent).doesNotThrowAnyException();
    }

    @Test
    void fitzpatrickOutsideOneToSixIsRefused() {
        Assessment a = norwood("3");
        a.fitzpatrickType = 7;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("fitzpatrickType"));
    }

    @Test
    void scarCamouflageNeedsAScarWithItsDetails() {
        Assessment a = norwood("3");
        a.desiredLook = DesiredLook.SCAR_CAMOUFLAGE;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("condition"));

        a.condition = Condition.SCAR_FUT;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("scar"));

        a.scar = new ScarDetails(null, null, 50, ScarMaturity.MATURE);
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("scar.lengthMm"));

        a.scar = new ScarDetails(180, 4, null, ScarMaturity.MATURE);
        assertThatCode(a::checkConsistent).doesNotThrowAnyException();

        a.condition = Condition.SCAR_FUE;
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("scar.areaCm2"));
        a.scar = new ScarDetails(null, null, 120, ScarMaturity.MATURING);
        assertThatCode(a::checkConsistent).doesNotThrowAnyException();
    }

    @Test
    void scarDetailsOnlyForScars() {
        Assessment a = norwood("3");
        a.scar = new ScarDetails(10, 1, null, ScarMaturity.MATURE);
        assertThatThrownBy(a::checkConsistent).satisfies(t -> assertThat(fieldOf(t)).isEqualTo("scar"));
    }
}
