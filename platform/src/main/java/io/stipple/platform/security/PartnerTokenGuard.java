package io.stipple.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner token counts only if its {@code partner_id} names an ACTIVE partner registered by the token's own
 * clinic. Anything else (no clinic, no partner id, a partner of another clinic with the same id, a suspended or
 * revoked partner) is refused with 403 {@code partner-not-registered} before any endpoint runs, in every service.
 */
@ApplicationScoped
public class PartnerTokenGuard {

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    PartnerDirectory directory;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> guard(ContainerRequestContext request) {
        if (request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(id -> {
                    Optional<PartnerClaim> claim = partnerClaim(id);
                    if (claim.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    return offEventLoop(() -> check(claim.get()));
                });
    }

    /** Database work of a request filter: on a worker thread when the filter runs on the event loop. */
    static Uni<Response> offEventLoop(java.util.function.Supplier<Response> work) {
        Uni<Response> uni = Uni.createFrom().item(work);
        return io.vertx.core.Context.isOnEventLoopThread()
                ? uni.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                : uni;
    }

    private Response check(PartnerClaim claim) {
        boolean active = claim.clinicId() != null && claim.partnerId() != null
                && Tenancy.asClinic(claim.clinicId(), () -> QuarkusTransaction.requiringNew()
                .call(() -> directory.isActive(claim.clinicId(), claim.partnerId())));
        if (active) {
            return null;
        }
        Problem problem = new Problem(Problem.type("partner-not-registered"), "Partner not registered", 403,
                "This token's partner is not an active partner registered by its clinic", null, List.of(), Map.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The partner a token stands for, if it is a partner token (staff and admin tokens are not): its {@code partner_id}
     * claim, else its subject. The one definition, for this guard and the rate limit.
     */
    static Optional<PartnerClaim> partnerClaim(SecurityIdentity id) {
        if (id == null || id.isAnonymous() || !id.hasRole(Roles.PARTNER)
                || id.hasRole(Roles.ADMIN) || id.hasRole(Roles.STAFF)) {
            return Optional.empty();
        }
        if (!(id.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.of(new PartnerClaim(null, null));
        }
        Object partnerClaim = jwt.getClaim(Caller.PARTNER_CLAIM);
        String partner = partnerClaim != null ? partnerClaim.toString().replace("\"", "") : jwt.getSubject();
        Object clinicClaim = jwt.getClaim(Caller.CLINIC_CLAIM);
        UUID clinic = null;
        if (clinicClaim != null) {
            try {
                clinic = UUID.fromString(clinicClaim.toString().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                clinic = null;
            }
        }
        return Optional.of(new PartnerClaim(clinic, partner));
    }

    record PartnerClaim(UUID clinicId, String partnerId) {
    }
}
