package io.stipple.platform.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void a_claim_holds_its_rows_for_the_lease_from_now() {
        Claim claim = Claim.of(NOW, Duration.ofMinutes(2));
        assertThat(claim.at()).isEqualTo(NOW);
        assertThat(claim.until()).isEqualTo(Instant.parse("2026-11-30T10:02:00Z"));
    }

    @Test
    void every_claim_has_its_own_claimant() {
        assertThat(Claim.of(NOW, Duration.ofMinutes(2)).claimant())
                .startsWith("d-")
                .isNotEqualTo(Claim.of(NOW, Duration.ofMinutes(2)).claimant());
    }

    @Test
    void a_lease_expires_only_after_its_end() {
        Claim claim = Claim.of(NOW, Duration.ofMinutes(2));
        assertThat(Claim.expired(claim.until(), NOW.plusSeconds(119))).isFalse();
        assertThat(Claim.expired(claim.until(), claim.until())).isFalse();
        assertThat(Claim.expired(claim.until(), claim.until().plusMillis(1))).isTrue();
        assertThat(Claim.expired(null, NOW)).isFalse();
    }

    @Test
    void a_lease_must_be_positive() {
        assertThatThrownBy(() -> Claim.of(NOW, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
