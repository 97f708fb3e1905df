package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitlistEntryTest {

    private static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");
    private static final UUID SAM = UUID.randomUUID();
    private static final UUID ALEX = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.parse("2030-01-08");

    private static WaitlistEntry entry(UUID technician, LocalTime earliest, LocalTime latest) {
        WaitlistEntry e = new WaitlistEntry();
        e.status = WaitlistEntryStatus.WAITING;
        e.technicianId = technician;
        e.firstDay = DAY;
        e.lastDay = DAY.plusDays(2);
        e.earliestTime = earliest;
        e.latestTime = latest;
        return e;
    }

    @Test
    void freedTimeSuitsAnEntryWithinItsDaysTimesAndTechnician() {
        WaitlistEntry any = entry(null, null, null);
        assertThat(any.wants(SAM, DAY, LocalTime.of(10, 0))).isTrue();
        assertThat(any.wants(SAM, DAY.plusDays(2), LocalTime.of(17, 0))).isTrue();
        assertThat(any.wants(SAM, DAY.minusDays(1), LocalTime.of(10, 0))).isFalse();
        assertThat(any.wants(SAM, DAY.plusDays(3), LocalTime.of(10, 0))).isFalse();

        WaitlistEntry mornings = entry(SAM, LocalTime.of(9, 0), LocalTime.of(11, 0));
        assertThat(mornings.wants(SAM, DAY, LocalTime.of(9, 0))).isTrue();
        assertThat(mornings.wants(SAM, DAY, LocalTime.of(11, 0))).isTrue();
        assertThat(mornings.wants(SAM, DAY, LocalTime.of(11, 15))).isFalse();
        assertThat(mornings.wants(SAM, DAY, LocalTime.of(8, 45))).isFalse();
        assertThat(mornings.wants(ALEX, DAY, LocalTime.of(10, 0))).isFalse();
    }

    @Test
    void onlyAWaitingEntryIsOfferedAndAnEndedOfferPutsItBackInLine() {
        WaitlistEntry e = entry(null, null, null);
        e.offered(NOW);
        assertThat(e.wants(SAM, DAY, LocalTime.of(10, 0))).isFalse();
        e.offerEnded(NOW);
        assertThat(e.status).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(e.leave(NOW)).isTrue();
        e.offerEnded(NOW);
        assertThat(e.status).isEqualTo(WaitlistEntryStatus.LEFT);
        assertThat(e.leave(NOW)).isFalse();
        assertThat(e.wants(SAM, DAY, LocalTime.of(10, 0))).isFalse();
    }

    @Test
    void aBookedEntryCannotLeave() {
        WaitlistEntry e = entry(null, null, null);
        e.booked(NOW);
        assertThatThrownBy(() -> e.leave(NOW)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.slug()).isEqualTo("waitlist-entry-closed"));
    }

    @Test
    void anOfferIsOpenUntilItRunsOutOrEnds() {
        WaitlistOffer o = new WaitlistOffer();
        o.status = WaitlistOfferStatus.OPEN;
        o.expiresAt = NOW.plusSeconds(3600);
        o.checkOpen(NOW.plusSeconds(3599));
        assertThatThrownBy(() -> o.checkOpen(NOW.plusSeconds(3600))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.slug()).isEqualTo("offer-expired"));
        o.end(WaitlistOfferStatus.TAKEN, NOW);
        assertThatThrownBy(() -> o.checkOpen(NOW)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.slug()).isEqualTo("offer-taken"));
        o.end(WaitlistOfferStatus.ACCEPTED, NOW);
        assertThatThrownBy(() -> o.checkOpen(NOW)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.slug()).isEqualTo("offer-closed"));
    }
}
