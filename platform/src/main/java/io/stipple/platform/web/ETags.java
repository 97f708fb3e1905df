package io.stipple.platform.web;

import io.stipple.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "3"}); an update must send
 * it back in {@code If-Match}, and a stale one is refused rather than silently overwriting.
 */
public final class ETags {

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names. Missing → 428; unparseable → 400.
     */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send the resource's current ETag in If-Match to update it");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) value = value.substring(2);
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be an ETag this API returned");
        }
    }

    /** Refuses the update with 412 when the caller's version is not the current one. */
    public static void checkCurrent(long expected, long current) {
        if (expected != current) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "The resource has changed since you read it (your version " + expected + ", current "
                            + current + "); read it again and retry")
                    .with("currentVersion", current);
        }
    }

    private ETags() {
    }
}
