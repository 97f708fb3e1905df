package io.stipple.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partner integrations are limited per partner of a clinic with a fixed window that starts at the window's first
 * request: over the limit the request is answered 429 with {@code Retry-After} before any work is done. Every partner
 * response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 *
 * <p>The count lives in the service's database ({@code partner_rate_window}, one row per partner, updated with one
 * upsert per request), so every replica of the service counts into the same budget.
 */
@ApplicationScoped
public class PartnerRateLimiter {

    private static final String STATE = "stipple.rateLimit";

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    RateLimitConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!config.enabled() || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(id -> PartnerTokenGuard.partnerClaim(id)
                        // not a partner: nothing to count, no thread hop; the count is in the database
                        .map(claim -> PartnerTokenGuard.offEventLoop(() -> check(claim, request)))
                        .orElseGet(() -> Uni.createFrom().nullItem()));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof Decision d) {
            response.getHeaders().putSingle("RateLimit-Limit", d.limit);
            response.getHeaders().putSingle("RateLimit-Remaining", d.remaining);
            response.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds);
        }
    }

    private Response check(PartnerTokenGuard.PartnerClaim claim, ContainerRequestContext request) {
        UUID clinic = claim.clinicId();
        String partner = claim.partnerId();
        if (clinic == null || partner == null || partner.length() > 100) {
            return null; // not a usable partner token (no registered partner has such an id): PartnerTokenGuard refuses it
        }
        Decision decision = take(clinic, partner);
        request.setProperty(STATE, decision);
        if (decision.allowed) {
            return null;
        }
        Problem problem = new Problem(Problem.type("rate-limited"), "Too many requests", 429,
                "The partner rate limit of " + decision.limit + " requests per " + config.window().toSeconds()
                        + " s is used up; retry after " + decision.resetSeconds + " s",
                null, List.of(), Map.of());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .header("Retry-After", decision.resetSeconds)
                .header("RateLimit-Limit", decision.limit)
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", decision.resetSeconds)
                .build();
    }

    Decision take(UUID clinic, String partner) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration window = config.window();
        int limit = config.partnerRequests();
        Object[] row = Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().call(() ->
                (Object[]) em.createNativeQuery("""
                                insert into partner_rate_window as w (clinic_id, partner_id, window_start, used)
                                values (:clinic, :partner, :now, 1)
                                on conflict (clinic_id, partner_id) do update
                                    set used = case when w.window_start + make_interval(secs => :secs) <= excluded.window_start
                                                    then 1 else w.used + 1 end,
                                        window_start = case when w.window_start + make_interval(secs => :secs) <= excluded.window_start
                                                            then excluded.window_start else w.window_start end
                                returning used, window_start""")
                        .setParameter("clinic", clinic)
                        .setParameter("partner", partner)
                        .setParameter("now", now)
                        .setParameter("secs", (double) window.toMillis() / 1000.0)
                        .getSingleResult()));
        int used = ((Number) row[0]).intValue();
        Instant start = row[1] instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) row[1];
        long reset = Math.max(1, (Duration.between(now, start.plus(window)).toMillis() + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), reset);
    }

    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

}
