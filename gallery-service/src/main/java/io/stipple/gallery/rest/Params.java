package io.stipple.gallery.rest;

import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.TimeBounds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Parses query and form values so a bad one is a 400 naming the field, never a 404 or a 500. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        E parsed = optionalEnum(field, value, type);
        if (parsed == null) {
            throw ProblemException.invalidField(field, "must not be empty");
        }
        return parsed;
    }

    static UUID optionalUuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    static UUID requiredUuid(String field, String value) {
        UUID parsed = optionalUuid(field, value);
        if (parsed == null) {
            throw ProblemException.invalidField(field, "must not be empty");
        }
        return parsed;
    }

    static Integer optionalInt(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalidField(field, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be an integer");
        }
    }

    static Instant requiredInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "must not be empty");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date-time with offset");
        }
        if (!TimeBounds.inRange(instant)) {
            throw ProblemException.invalidField(field, TimeBounds.OUT_OF_RANGE);
        }
        return instant;
    }
}
