package io.stipple.gallery.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.gallery.service.ImageProcessor;
import io.stipple.platform.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Refuses an oversized upload from its {@code Content-Length} before a byte of the body is read, with the same
 * problem-details body as every other error (the HTTP layer's own limit would answer with an empty 413).
 * The upload path allows the image limit plus room for the form fields; every other path keeps 1 MiB.
 * A chunked request without Content-Length (browsers always send one with a form) that outgrows
 * {@code quarkus.http.limits.max-body-size} is cut off by the HTTP layer with a bare 413.
 */
@ApplicationScoped
public class UploadSizeFilter {

    static final String UPLOAD_PATH = "/api/v1/gallery/photos";
    static final long FORM_OVERHEAD = 1024 * 1024;
    static final long OTHER_LIMIT = 1024 * 1024;

    @Inject
    ImageProcessor processor;

    @Inject
    ObjectMapper mapper;

    /** First, with the access log and headers: before the body handler (which would answer an empty 413). */
    static final int ORDER = Integer.MIN_VALUE;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                rc.next();
                return;
            }
            boolean upload = HttpMethod.POST.equals(rc.request().method()) && UPLOAD_PATH.equals(rc.normalizedPath());
            long limit = upload ? processor.maxBytes() + FORM_OVERHEAD : OTHER_LIMIT;
            if (declared > limit) {
                refuse(rc, upload ? processor.maxBytes() : limit);
                return;
            }
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, long maxBytes) {
        Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                "The request body is larger than " + maxBytes + " bytes", rc.normalizedPath(), List.of(),
                Map.of("maxBytes", maxBytes));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (Exception e) {
            body = "{\"type\":\"" + URI.create(Problem.TYPE_BASE + "payload-too-large") + "\",\"status\":413}";
        }
        rc.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }
}
