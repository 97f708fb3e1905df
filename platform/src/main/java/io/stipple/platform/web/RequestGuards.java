package io.stipple.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Cheap refusals before any work: a body declared larger than the HTTP limit gets a problem-details 413 (the
 * HTTP layer's own answer is an empty 413), and a NUL character in the path or query — which PostgreSQL text
 * cannot hold — is a 400.
 */
@ApplicationScoped
public class RequestGuards {

    /** Before the body handler, so nothing of an oversized body is read. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkDeclaredLength);
    }

    void checkDeclaredLength(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long limit = maxBodySize.asLongValue();
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                            "The request body is larger than " + limit + " bytes", rc.normalizedPath(), List.of(),
                            Map.of("maxBytes", limit));
                    rc.response().setStatusCode(413)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(mapper.writeValueAsString(problem));
                    return;
                }
            } catch (NumberFormatException e) {
                // not a number: the HTTP layer answers that itself
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                rc.fail(e);
                return;
            }
        }
        rc.next();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest("invalid-characters", "The path contains a NUL character");
        }
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (name.indexOf('\u0000') >= 0 || values.stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                throw ProblemException.invalidField(name.replace("\u0000", ""), "must not contain NUL characters");
            }
        });
    }
}
