package io.stipple.platform.security;

import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the verified token only: the clinic (tenant) every query is scoped to, the roles,
 * and for a client or partner token the client or partner it stands for.
 */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";
    public static final String CLIENT_CLAIM = "client_id";
    public static final String PARTNER_CLAIM = "partner_id";

    @Inject
    JsonWebToken jwt;

    /*
     * The custom claims, read once per request: smallrye-jwt looks a claim name up in its enum of standard claims
     * first, and for a custom name that costs a thrown IllegalArgumentException on every read — several per request
     * (tenancy on every connection, access checks, guards).
     */
    private Optional<UUID> clinic;
    private Optional<UUID> client;
    private Object partnerClaim;
    private boolean partnerRead;

    public boolean authenticated() {
        return jwt != null && jwt.getRawToken() != null;
    }

    public String subject() {
        requireToken();
        return jwt.getSubject();
    }

    /**
     * Who is acting, as a record or an audit entry names its author ({@code bookedBy}, {@code recordedBy},
     * {@code createdBy}, …): the token's subject, {@code "unknown"} for a verified token that carries none.
     */
    public String actor() {
        String subject = subject();
        return subject == null ? "unknown" : subject;
    }

    /** The caller's clinic; a token without a valid clinic claim cannot reach any clinic's data. */
    public UUID clinicId() {
        requireToken();
        return clinicClaim()
                .orElseThrow(() -> ProblemException.forbidden("the token names no clinic"));
    }

    /** The clinic claim when the token has a valid one (a client's own token may name none). */
    public Optional<UUID> clinicIdIfPresent() {
        return authenticated() ? clinicClaim() : Optional.empty();
    }

    private Optional<UUID> clinicClaim() {
        if (clinic == null) {
            clinic = parseUuid(jwt.getClaim(CLINIC_CLAIM));
        }
        return clinic;
    }

    public Set<String> roles() {
        return authenticated() ? jwt.getGroups() : Set.of();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Admin or staff: may manage the clinic's records. */
    public boolean isStaff() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.STAFF);
    }

    /** A client token without staff rights. */
    public boolean isClient() {
        return hasRole(Roles.CLIENT) && !isStaff();
    }

    public boolean isPartner() {
        return hasRole(Roles.PARTNER) && !isStaff();
    }

    /**
     * Another Stipple service's own token (client credentials): the service role and no clinic, client or partner
     * role. Its name is the token's subject.
     */
    public boolean isService() {
        return hasRole(Roles.SERVICE) && !isStaff() && !hasRole(Roles.CLIENT) && !hasRole(Roles.PARTNER);
    }

    /** The calling service's name when {@link #isService()}. */
    public Optional<String> serviceName() {
        return isService() ? Optional.ofNullable(jwt.getSubject()) : Optional.empty();
    }

    /** The client record a client token stands for. */
    public Optional<UUID> clientId() {
        if (!authenticated()) return Optional.empty();
        if (client == null) {
            client = parseUuid(jwt.getClaim(CLIENT_CLAIM));
        }
        return client;
    }

    /** The partner a partner token stands for (the subject when there is no explicit claim). */
    public Optional<String> partnerId() {
        if (!authenticated()) return Optional.empty();
        if (!partnerRead) {
            partnerClaim = jwt.getClaim(PARTNER_CLAIM);
            partnerRead = true;
        }
        Object claim = partnerClaim;
        if (claim != null) return Optional.of(claim.toString().replace("\"", ""));
        return isPartner() ? Optional.ofNullable(jwt.getSubject()) : Optional.empty();
    }

    /** True when this caller may see records of the given client: staff of the clinic, or that client. */
    public boolean mayAccessClient(UUID clientId) {
        return isStaff() || (isClient() && clientId().map(clientId::equals).orElse(false));
    }

    private void requireToken() {
        if (!authenticated()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
    }

    private static Optional<UUID> parseUuid(Object claim) {
        if (claim == null) return Optional.empty();
        String text = claim.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
