package io.stipple.platform.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.platform.inbox.TransientFailureException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * This service's own access token for calls to another Stipple service, by the OAuth 2.0 client credentials grant
 * (RFC 6749 §4.4, client authentication by HTTP Basic). The token is kept until 30 s before it expires, or until a
 * call answered 401 ({@link #invalidate}). A token endpoint that cannot be reached, or refuses, is a
 * {@link TransientFailureException}: an event needing the token waits for it (the inbox retries) instead of being
 * dead-lettered, and readiness shows the consumer held back.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ServiceAuthConfig config;

    private final Clock clock = Clock.systemUTC();
    private volatile HttpClient http;
    private volatile Cached cached;

    private record Cached(String token, Instant renewAt) {
    }

    /** A token for this service, from the cache or freshly granted. */
    public String token() {
        Cached current = cached;
        if (current != null && Instant.now(clock).isBefore(current.renewAt())) {
            return current.token();
        }
        synchronized (this) {
            current = cached;
            if (current != null && Instant.now(clock).isBefore(current.renewAt())) {
                return current.token();
            }
            cached = grant();
            return cached.token();
        }
    }

    /** Forgets the cached token (the called service refused it). */
    public void invalidate() {
        cached = null;
    }

    /** The HTTP client the platform's server-to-server calls share. */
    HttpClient http() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
            }
        }
        return http;
    }

    private Cached grant() {
        String url = config.tokenUrl().orElseThrow(() -> new TransientFailureException(
                "stipple.service-auth.token-url (SERVICE_TOKEN_URL) is not set: this service cannot get a service token", null));
        String clientId = config.clientId().orElseThrow(() -> new TransientFailureException(
                "stipple.service-auth.client-id (SERVICE_CLIENT_ID) is not set", null));
        String secret = config.clientSecret().orElse("");
        String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailureException("the token endpoint " + url + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while asking the token endpoint", e);
        }
        if (response.statusCode() != 200) {
            throw new TransientFailureException("the token endpoint " + url + " answered HTTP " + response.statusCode()
                    + " to client " + clientId, null);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new TransientFailureException("the token endpoint's answer has no access_token", null);
            }
            long expiresIn = body.path("expires_in").asLong(60);
            return new Cached(token, Instant.now(clock).plusSeconds(Math.max(0, expiresIn - 30)));
        } catch (IOException e) {
            throw new TransientFailureException("the token endpoint's answer is not JSON", e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
