package io.stipple.notification.rest;

import io.stipple.platform.problem.ProblemException;

import java.util.Arrays;

/** Query parameters parsed so that a bad value is a 400 naming the parameter, not a 404. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
