package io.stipple.platform.correlation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's {@code X-Correlation-Id} (or makes one) and echoes it on the response. */
public class CorrelationFilter {

    private static final String PROPERTY = "stipple.correlationId";

    @ServerRequestFilter(preMatching = true)
    public void incoming(ContainerRequestContext request) {
        String id = Correlation.acceptOrCreate(request.getHeaderString(Correlation.HTTP_HEADER));
        request.setProperty(PROPERTY, id);
        Correlation.set(id);
    }

    @ServerResponseFilter
    public void outgoing(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HTTP_HEADER, id.toString());
        }
    }
}
