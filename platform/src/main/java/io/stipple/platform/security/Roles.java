package io.stipple.platform.security;

/** The roles a Stipple token can carry (in its {@code groups} claim). */
public final class Roles {
    /** Clinic owner or ops. */
    public static final String ADMIN = "admin";
    /** Technician or front desk. */
    public static final String STAFF = "staff";
    /** A client: their own records only. */
    public static final String CLIENT = "client";
    /** A partner clinic's integration. */
    public static final String PARTNER = "partner";
    /**
     * Another Stipple service calling server to server with its own token (client credentials; {@code sub} is the
     * service, e.g. {@code notification-service}). It reaches only the internal operations that name it.
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
