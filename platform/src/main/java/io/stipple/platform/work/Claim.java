package io.stipple.platform.work;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One round's claim on rows of a leased table: who claims ({@code claimant}, unique per round), when, and until when
 * the rows are theirs ({@code until}). A row whose lease ran out belongs to nobody: its worker died mid-round, and the
 * next round releases it. The lease arithmetic lives here and nowhere else.
 */
public record Claim(String claimant, Instant at, Instant until) {

    /** A fresh claim (a new claimant) made at {@code now}, held for {@code lease}. */
    public static Claim of(Instant now, Duration lease) {
        return of("d-" + UUID.randomUUID(), now, lease);
    }

    /** A claim by {@code claimant} made at {@code now}, held for {@code lease}. */
    public static Claim of(String claimant, Instant now, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
        return new Claim(claimant, now, now.plus(lease));
    }

    /** True when a lease that ended at {@code claimedUntil} has run out at {@code now} (it is then released). */
    public static boolean expired(Instant claimedUntil, Instant now) {
        return claimedUntil != null && claimedUntil.isBefore(now);
    }
}
