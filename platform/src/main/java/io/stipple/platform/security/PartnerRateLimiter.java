package io.stipple.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stipple.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partner integrations are limited per partner with a fixed window: over the limit the request is
 * answered 429 with {@code Retry-After} before any work is done. Every partner response carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
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

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!config.enabled() || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(id -> check(id, request));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof Decision d) {
            response.getHeaders().putSingle("RateLimit-Limit", d.limit);
            response.getHeaders().putSingle("RateLimit-Remaining", d.remaining);
            response.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds);
        }
    }

    private Response check(SecurityIdentity id, ContainerRequestContext request) {
        if (id == null || id.isAnonymous() || !id.hasRole(Roles.PARTNER)
                || id.hasRole(Roles.ADMIN) || id.hasRole(Roles.STAFF)) {
            return null;
        }
        String partner = id.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Caller.PARTNER_CLAIM) != null
                ? jwt.getClaim(Caller.PARTNER_CLAIM).toString()
                : id.getPrincipal().getName();
        Decision decision = take(partner);
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

    Decision take(String partner) {
        long now = clock.millis();
        long windowMs = config.window().toMillis();
        int limit = config.partnerRequests();
        Window w = windows.compute(partner, (k, current) -> {
            if (current == null || now >= current.start + windowMs) {
                return new Window(now, 1);
            }
            return new Window(current.start, current.count + 1);
        });
        long reset = Math.max(1, (w.start + windowMs - now + 999) / 1000);
        boolean allowed = w.count <= limit;
        return new Decision(allowed, limit, Math.max(0, limit - w.count), reset);
    }

    private record Window(long start, int count) {
    }

    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

}
