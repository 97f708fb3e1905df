package io.stipple.client.service;

import io.stipple.client.config.ExportServicesConfig;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the other services' parts of a client's GDPR export, server to server, as the caller: the caller's bearer
 * token goes along (each service applies its own authorization to it) with the correlation id. A service that cannot
 * be reached, is too slow or answers 5xx makes the whole export 503 {@code export-unavailable} with Retry-After:
 * there is never an archive that looks complete without a service's part.
 */
@ApplicationScoped
public class ExportPartsClient {

    /** The services holding a part of the export, and where it is. */
    public enum Part {
        BOOKING("booking-service", "/api/v1/bookings/client-exports/"),
        GALLERY("gallery-service", "/api/v1/gallery/client-exports/"),
        NOTIFICATION("notification-service", "/api/v1/notifications/client-exports/");

        public final String service;
        final String path;

        Part(String service, String path) {
            this.service = service;
            this.path = path;
        }

        /** The part's file in the archive. */
        public String file() {
            return service + ".json";
        }
    }

    /** What the parts are asked with: the caller's Authorization header and the request's correlation id. */
    public record Forwarded(String authorization, String correlationId) {
    }

    /** A service's part: its JSON export, or null when the service holds nothing about the client (it answered 404). */
    public record PartAnswer(Part part, byte[] json) {
        public boolean held() {
            return json != null;
        }
    }

    /** A photo's image as gallery-service streams it. */
    public record PhotoBytes(UUID photoId, String mediaType, byte[] bytes) {
    }

    @Inject
    ExportServicesConfig config;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** All three parts, asked for at once; 503 if any service cannot give its part. */
    public Map<Part, PartAnswer> parts(UUID clientId, Forwarded forwarded) {
        Map<Part, CompletableFuture<HttpResponse<byte[]>>> calls = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            calls.put(part, http.sendAsync(request(base(part) + part.path + clientId, forwarded, config.timeout(),
                    "application/json, application/problem+json"), HttpResponse.BodyHandlers.ofByteArray()));
        }
        Map<Part, PartAnswer> answers = new EnumMap<>(Part.class);
        try {
            for (Map.Entry<Part, CompletableFuture<HttpResponse<byte[]>>> call : calls.entrySet()) {
                Part part = call.getKey();
                HttpResponse<byte[]> response = await(part.service, call.getValue(), config.timeout());
                int status = response.statusCode();
                if (status == 200) {
                    answers.put(part, new PartAnswer(part, response.body()));
                } else if (status == 404) {
                    answers.put(part, new PartAnswer(part, null));
                } else if (status >= 500) {
                    throw unavailable(part.service, "answered HTTP " + status);
                } else {
                    throw refused(part.service, "answered HTTP " + status);
                }
            }
        } finally {
            calls.values().forEach(call -> call.cancel(true));
        }
        return answers;
    }

    /** The full-size image of a photo the gallery part listed. */
    public PhotoBytes photo(UUID photoId, Forwarded forwarded) {
        HttpResponse<byte[]> response = await(Part.GALLERY.service, http.sendAsync(
                request(base(Part.GALLERY) + "/api/v1/gallery/photos/" + photoId + "/content?rendition=full", forwarded,
                        config.photoTimeout(), "image/jpeg, image/*, application/problem+json"),
                HttpResponse.BodyHandlers.ofByteArray()), config.photoTimeout());
        int status = response.statusCode();
        if (status == 200) {
            return new PhotoBytes(photoId, response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    response.body());
        }
        if (status == 404) {
            throw unavailable(Part.GALLERY.service, "no longer has photo " + photoId + " that its part listed (changed during the export)");
        }
        if (status >= 500) {
            throw unavailable(Part.GALLERY.service, "answered HTTP " + status + " for photo " + photoId);
        }
        throw refused(Part.GALLERY.service, "answered HTTP " + status + " for photo " + photoId);
    }

    private HttpRequest request(String url, Forwarded forwarded, Duration timeout, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("Accept", accept);
        if (forwarded.authorization() != null) {
            request.header("Authorization", forwarded.authorization());
        }
        if (forwarded.correlationId() != null) {
            request.header(Correlation.HTTP_HEADER, forwarded.correlationId());
        }
        return request.build();
    }

    private <T> T await(String service, CompletableFuture<T> call, Duration timeout) {
        try {
            // the request's own timeout ends it first; this bound only guards against a client that never completes
            return call.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service, "could not be asked (interrupted)");
        } catch (TimeoutException e) {
            throw unavailable(service, "did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof java.net.http.HttpTimeoutException
                    ? "did not answer within " + timeout.toSeconds() + " s"
                    : "could not be reached (" + cause.getClass().getSimpleName() + ")";
            throw unavailable(service, why);
        }
    }

    private String base(Part part) {
        String url = switch (part) {
            case BOOKING -> config.bookingUrl();
            case GALLERY -> config.galleryUrl();
            case NOTIFICATION -> config.notificationUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** 503: a service could not give its part now; the caller should try again. */
    ProblemException unavailable(String service, String what) {
        return new ProblemException(503, "export-unavailable", "A service holding the client's data is unavailable",
                service + " " + what + ". No archive was made (never a partial one); try again later.")
                .with("service", service)
                .header("Retry-After", Integer.toString(config.retryAfterSeconds()));
    }

    /** 502: a service refused or garbled its part (not a passing outage). */
    static ProblemException refused(String service, String what) {
        return new ProblemException(502, "export-part-refused", "A service refused its part of the export",
                service + " " + what + ". No archive was made.")
                .with("service", service);
    }
}
