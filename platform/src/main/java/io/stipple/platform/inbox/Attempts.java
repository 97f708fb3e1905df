package io.stipple.platform.inbox;

import io.stipple.platform.events.InvalidEventException;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The retry decisions of one {@link Inbox#apply} call, kept apart from the transaction and Kafka so the rules can be
 * tested alone. After each failed attempt {@link #failed} says whether to hold the event back (a transient failure:
 * as long as it lasts; not yet applicable: until its hold ends), to retry it (a deterministic failure, up to
 * {@code attempts}) or to give up, and how long to pause first.
 *
 * <p>The hold of a not-yet-applicable event is measured in elapsed time ({@code System.nanoTime}), like the pauses
 * themselves: it bounds how long a consumer waits, so a business clock moved by days (tests, the journey suite's
 * shared clock) must neither end it early nor stretch it.
 */
final class Attempts {

    enum Kind {
        /** A transient failure: hold the event back and retry for as long as it lasts. */
        HOLD_TRANSIENT,
        /** Not applicable yet: hold the event back and retry until its hold ends. */
        HOLD_NOT_YET,
        /** A deterministic failure with attempts left: retry. */
        RETRY,
        /** Give up: rethrow {@link Verdict#failure()} (the dead-letter topic, or the replay's FAILED outcome). */
        GIVE_UP
    }

    /**
     * @param pause        wait this long before the next attempt (zero when giving up)
     * @param failure      what to rethrow when giving up; else the failure of this attempt
     * @param expectedHold for {@link Kind#HOLD_NOT_YET}: how long the event may be held by design (from the first
     *                     hold of this call), so the readiness check does not count it as stuck before then
     */
    record Verdict(Kind kind, Duration pause, RuntimeException failure, Duration expectedHold) {
    }

    private final int attempts;
    private final long maxBackoffNanos;
    private final boolean hold;
    private final LongSupplier nanoTime;

    private long pauseNanos;
    private int deterministicFailures;
    private long heldSince = Long.MIN_VALUE;
    private long notYetSince = Long.MIN_VALUE;

    /**
     * @param hold false for a replay answering a request: nothing is held, every failure counts as deterministic and
     *             a not-yet-applicable event fails at once
     */
    Attempts(int attempts, Duration backoff, Duration maxBackoff, boolean hold, LongSupplier nanoTime) {
        this.attempts = Math.max(1, attempts);
        this.pauseNanos = Math.max(1, backoff.toNanos());
        this.maxBackoffNanos = Math.max(this.pauseNanos, maxBackoff.toNanos());
        this.hold = hold;
        this.nanoTime = nanoTime;
    }

    static Attempts of(InboxConfig config, boolean hold) {
        return new Attempts(config.attempts(), config.backoff(), config.maxBackoff(), hold, System::nanoTime);
    }

    /** True once an attempt of this call was held back (transient or not yet applicable). */
    boolean held() {
        return heldSince != Long.MIN_VALUE;
    }

    /** What to do after a failed attempt. */
    Verdict failed(RuntimeException failure) {
        if (failure instanceof InvalidEventException) {
            return giveUp(failure);
        }
        NotYetApplicableException notYet = notYetApplicable(failure);
        long now = nanoTime.getAsLong();
        if (notYet != null) {
            if (!hold) {
                return giveUp(notYet); // a replay: the reason, at once; the event stays dead-lettered
            }
            if (notYetSince == Long.MIN_VALUE) {
                notYetSince = now;
            }
            long left = notYet.holdFor().toNanos() - (now - notYetSince);
            if (left <= 0) {
                return giveUp(notYet.expired());
            }
            markHeld(now);
            Duration expected = Duration.ofNanos(notYetSince - heldSince).plus(notYet.holdFor());
            return new Verdict(Kind.HOLD_NOT_YET, Duration.ofNanos(Math.min(nextPause(), left)), failure, expected);
        }
        if (hold && Failures.isTransient(failure)) {
            markHeld(now);
            return new Verdict(Kind.HOLD_TRANSIENT, Duration.ofNanos(nextPause()), failure, Duration.ZERO);
        }
        deterministicFailures++;
        if (deterministicFailures >= attempts) {
            return giveUp(failure);
        }
        return new Verdict(Kind.RETRY, Duration.ofNanos(nextPause()), failure, Duration.ZERO);
    }

    /** Deterministic failures so far (for the log). */
    int deterministicFailures() {
        return deterministicFailures;
    }

    int attempts() {
        return attempts;
    }

    private void markHeld(long now) {
        if (heldSince == Long.MIN_VALUE) {
            heldSince = now;
        }
    }

    private long nextPause() {
        long pause = pauseNanos;
        pauseNanos = Math.min(pauseNanos * 2, maxBackoffNanos);
        return pause;
    }

    private static Verdict giveUp(RuntimeException failure) {
        return new Verdict(Kind.GIVE_UP, Duration.ZERO, failure, Duration.ZERO);
    }

    /** The not-yet-applicable failure in the cause chain, if any (a handler's may come wrapped). */
    static NotYetApplicableException notYetApplicable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotYetApplicableException notYet) {
                return notYet;
            }
            if (t instanceof NotYetApplicableException.Expired) {
                return null;
            }
        }
        return null;
    }
}
