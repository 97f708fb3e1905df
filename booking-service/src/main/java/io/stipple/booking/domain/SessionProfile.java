package io.stipple.booking.domain;

/**
 * What decides how long a client's session takes: the hair-loss stage and the coverage from their plan or
 * latest assessment (all may be unknown, e.g. before a consultation).
 */
public record SessionProfile(String scale, String stage, String condition, Integer coveragePercent) {

    public static final SessionProfile UNKNOWN = new SessionProfile(null, null, null, null);
}
