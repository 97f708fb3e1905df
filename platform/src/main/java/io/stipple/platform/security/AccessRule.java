package io.stipple.platform.security;

/**
 * Who may call an operation, declared next to it and published in the OpenAPI document as the operation
 * extension {@value #EXTENSION}; the journey suite's authorization matrix calls every operation as every caller
 * kind and fails on any operation without a declaration (deny by default).
 *
 * <pre>{@code
 * @GET @Path("/{clientId}")
 * @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
 * public ClientView get(...)
 * }</pre>
 *
 * <p>The value lists, separated by spaces, the caller kinds that are let through (anything but 401/403/404 on
 * the matrix's fixture); every other kind must be refused and never see the fixture's data. The fixture is a
 * clinic A with a client C1 (the records in the path belong to C1, or to clinic A for clinic-level records such
 * as rooms, treatments, policies and the admin's webhook subscription). The kinds:
 *
 * <table>
 *     <tr><td>{@value #ADMIN}, {@value #STAFF}</td><td>admin / staff of clinic A</td></tr>
 *     <tr><td>{@value #OTHER_CLINIC_STAFF}</td><td>admin or staff of clinic B</td></tr>
 *     <tr><td>{@value #SELF}</td><td>C1's own client token</td></tr>
 *     <tr><td>{@value #OTHER_CLIENT}</td><td>another client of clinic A</td></tr>
 *     <tr><td>{@value #SHARED_PARTNER}</td><td>a partner registered by A that C1 shares with</td></tr>
 *     <tr><td>{@value #UNSHARED_PARTNER}</td><td>a partner registered by A that C1 does not share with</td></tr>
 *     <tr><td>{@value #OTHER_CLINIC_PARTNER}</td><td>clinic B's partner with the same partner id as the shared one</td></tr>
 *     <tr><td>{@value #SERVICE}</td><td>a Stipple service's own token (client credentials, no clinic): only the
 *     internal server-to-server operations let it through</td></tr>
 *     <tr><td>{@value #ANONYMOUS}</td><td>no token</td></tr>
 *     <tr><td>{@value #FORGED}</td><td>a forged admin token of clinic A (never let through)</td></tr>
 * </table>
 * {@value #PUBLIC} alone means every kind: a public read ignores whatever token comes with it (it must still never
 * show a client's id).
 */
public final class AccessRule {

    public static final String EXTENSION = "x-stipple-access";

    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";
    public static final String OTHER_CLINIC_STAFF = "otherClinicStaff";
    public static final String SELF = "self";
    public static final String OTHER_CLIENT = "otherClient";
    public static final String SHARED_PARTNER = "sharedPartner";
    public static final String UNSHARED_PARTNER = "unsharedPartner";
    public static final String OTHER_CLINIC_PARTNER = "otherClinicPartner";
    public static final String SERVICE = "service";
    public static final String ANONYMOUS = "anonymous";
    public static final String FORGED = "forged";
    public static final String PUBLIC = "public";

    private AccessRule() {
    }
}
