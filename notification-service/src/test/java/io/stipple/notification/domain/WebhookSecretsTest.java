package io.stipple.notification.domain;

import io.stipple.notification.domain.WebhookSecrets.Scheme;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");
    private static final Duration OVERLAP = Duration.ofHours(24);

    @Test
    void without_a_rotation_only_the_current_secret_signs() {
        WebhookSecrets secrets = WebhookSecrets.standard("whsec_A");
        assertThat(secrets.standardSigning(T0)).containsExactly("whsec_A");
        assertThat(secrets.legacySigning(T0)).containsExactly("whsec_A");
        assertThat(secrets.overlapping(T0)).isFalse();
    }

    @Test
    void a_legacy_secret_signs_only_the_legacy_header() {
        WebhookSecrets legacy = new WebhookSecrets("whsec_old-url_safe", Scheme.LEGACY, null, null, null);
        assertThat(legacy.standardSigning(T0)).isEmpty();
        assertThat(legacy.legacySigning(T0)).containsExactly("whsec_old-url_safe");
    }

    @Test
    void after_a_rotation_both_sign_the_new_first_until_the_overlap_ends_then_only_the_new() {
        WebhookSecrets rotated = WebhookSecrets.standard("whsec_A").rotate("whsec_B", T0, OVERLAP);
        assertThat(rotated.current()).isEqualTo("whsec_B");
        assertThat(rotated.previousUntil()).isEqualTo(T0.plus(OVERLAP));
        assertThat(rotated.standardSigning(T0.plus(OVERLAP).minusSeconds(1))).containsExactly("whsec_B", "whsec_A");
        assertThat(rotated.standardSigning(T0.plus(OVERLAP))).containsExactly("whsec_B");
        assertThat(rotated.legacySigning(T0.plus(OVERLAP))).containsExactly("whsec_B");
    }

    @Test
    void rotating_a_legacy_secret_gives_a_standard_one_and_the_legacy_one_keeps_signing_the_legacy_header() {
        WebhookSecrets rotated = new WebhookSecrets("legacy", Scheme.LEGACY, null, null, null).rotate("whsec_B", T0, OVERLAP);
        assertThat(rotated.currentScheme()).isEqualTo(Scheme.STANDARD);
        assertThat(rotated.standardSigning(T0.plusSeconds(60))).containsExactly("whsec_B");
        assertThat(rotated.legacySigning(T0.plusSeconds(60))).containsExactly("whsec_B", "legacy");
        assertThat(rotated.signing(T0.plusSeconds(60))).extracting(WebhookSecrets.Signing::scheme)
                .containsExactly(Scheme.STANDARD, Scheme.LEGACY);
    }

    @Test
    void rotating_again_within_the_overlap_keeps_the_secret_from_before_the_first_rotation_and_its_end() {
        WebhookSecrets once = WebhookSecrets.standard("whsec_A").rotate("whsec_B", T0, OVERLAP);
        WebhookSecrets twice = once.rotate("whsec_C", T0.plus(Duration.ofHours(1)), OVERLAP);
        assertThat(twice.standardSigning(T0.plus(Duration.ofHours(2)))).containsExactly("whsec_C", "whsec_A");
        assertThat(twice.previousUntil()).isEqualTo(T0.plus(OVERLAP));
        // after the overlap a rotation starts a new one with the secret it replaces
        WebhookSecrets later = twice.rotate("whsec_D", T0.plus(Duration.ofDays(2)), OVERLAP);
        assertThat(later.standardSigning(T0.plus(Duration.ofDays(2)))).containsExactly("whsec_D", "whsec_C");
        assertThat(later.previousUntil()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void a_zero_overlap_drops_the_previous_secret_at_once_and_the_parts_must_agree() {
        assertThat(WebhookSecrets.standard("whsec_A").rotate("whsec_B", T0, Duration.ZERO).signing(T0)).hasSize(1);
        assertThatThrownBy(() -> WebhookSecrets.standard("whsec_A").rotate("whsec_B", T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecrets("whsec_A", Scheme.STANDARD, "whsec_B", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookSecrets("whsec_A", Scheme.STANDARD, "whsec_B", Scheme.STANDARD, T0).toString())
                .doesNotContain("whsec_A").doesNotContain("whsec_B");
        assertThat(List.of(Scheme.values())).containsExactly(Scheme.STANDARD, Scheme.LEGACY);
    }
}
