package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * A treatment session is completed with its record: areas treated, the pigment, the needle configuration and the
 * actual duration are required (400 {@code validation-failed} naming the first missing field; no record at all is a
 * 400 {@code validation-failed} too), and the pigment's lot must not have expired before the session's day in the
 * clinic's zone (422 {@code pigment-expired}).
 */
public final class SessionRecordPolicy {

    private SessionRecordPolicy() {
    }

    /** The pigment lot used: its number and expiry date. */
    public record PigmentLot(String lot, LocalDate expiry) {
    }

    /**
     * @param given   whether a record was given at all
     * @param pigment null when no pigment was given
     * @param today   the session's day in the clinic's zone
     */
    public static void check(boolean given, List<String> areasTreated, PigmentLot pigment, String needleConfiguration,
                             Integer actualDurationMinutes, LocalDate today) {
        if (!given) {
            throw new RuleViolation(RuleViolation.Kind.INVALID_VALUE, "validation-failed", "Bad request",
                    "A treatment session needs its session record");
        }
        if (areasTreated == null || areasTreated.isEmpty()) throw RuleViolation.invalidValue("areasTreated", "must not be empty");
        if (pigment == null) throw RuleViolation.invalidValue("pigment", "must not be null");
        if (needleConfiguration == null || needleConfiguration.isBlank()) {
            throw RuleViolation.invalidValue("needleConfiguration", "must not be blank");
        }
        if (actualDurationMinutes == null) throw RuleViolation.invalidValue("actualDurationMinutes", "must not be null");
        if (pigment.expiry().isBefore(today)) {
            throw new RuleViolation("pigment-expired", "Pigment lot " + pigment.lot() + " expired on " + pigment.expiry());
        }
    }
}
