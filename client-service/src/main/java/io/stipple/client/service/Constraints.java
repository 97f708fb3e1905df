package io.stipple.client.service;

/** Which database constraint a failed flush violated: how a race that the database refused becomes a 409. */
final class Constraints {

    private Constraints() {
    }

    /** True when {@code failure} (or a cause) is a violation of the named constraint or unique index. */
    static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && constraint.equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
