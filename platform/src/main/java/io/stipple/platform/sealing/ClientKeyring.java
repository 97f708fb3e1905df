package io.stipple.platform.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.inbox.TransientFailureException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens the sealed personal fields of a client event ({@link SealedFields}) for a consumer that needs them, with the
 * client's key from client-service ({@code GET /api/v1/internal/client-keys/{clinicId}/{clientId}}, this service's
 * own token). Keys are not kept: each event asks again, so an erased client's key is gone everywhere the moment
 * client-service destroys it.
 *
 * <ul>
 *     <li>An event without a sealed object (schema version 1, published before sealing) is returned as it is.</li>
 *     <li>The key is gone (client-service answers 404 or 410: the client was erased): empty. The consumer applies
 *     nothing personal; ClientErased follows on the topic.</li>
 *     <li>client-service or the token endpoint unreachable, slow, 5xx, or refusing this service's token:
 *     {@link TransientFailureException}, so the inbox holds the event and retries (readiness shows it) rather than
 *     dead-lettering a client's details.</li>
 *     <li>A sealed object that does not open with the key: {@link InvalidEventException} (dead-lettered).</li>
 * </ul>
 */
@ApplicationScoped
public class ClientKeyring {

    public static final String KEY_PATH = "/api/v1/internal/client-keys/";

    private static final Logger LOG = Logger.getLogger(ClientKeyring.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClientKeysConfig config;

    @Inject
    ServiceAuthConfig authConfig;

    @Inject
    ServiceTokens tokens;

    /** The event with its sealed fields opened into {@code data}, or empty when the client's key no longer exists. */
    public Optional<EventEnvelope> open(EventEnvelope event) {
        JsonNode sealed = event.data().get(SealedFields.FIELD);
        if (sealed == null || sealed.isNull()) {
            return Optional.of(event);
        }
        UUID clientId = clientId(event);
        Optional<byte[]> key = key(event.clinicid(), clientId);
        if (key.isEmpty()) {
            LOG.infof("%s %s: the key of client %s is gone (erased); its sealed fields stay closed", event.type(),
                    event.id(), clientId);
            return Optional.empty();
        }
        JsonNode data = SealedFields.merged(event.data(), SealedFields.open(key.get(), event.clinicid(), clientId, sealed));
        return Optional.of(new EventEnvelope(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.clinicid(), event.subjectsequence(),
                event.schemaversion(), event.correlationid(), data));
    }

    private static UUID clientId(EventEnvelope event) {
        try {
            return UUID.fromString(event.data().path("clientId").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(event.type() + " with sealed fields names no valid clientId", e);
        }
    }

    private Optional<byte[]> key(UUID clinicId, UUID clientId) {
        String base = config.url().orElseThrow(() -> new TransientFailureException(
                "stipple.client-keys.url (CLIENT_SERVICE_URL) is not set: sealed client events cannot be opened", null));
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + KEY_PATH + clinicId
                + "/" + clientId);
        HttpResponse<String> response = call(uri);
        if (response.statusCode() == 401) {
            tokens.invalidate(); // expired or rotated early: one more try with a fresh token
            response = call(uri);
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new TransientFailureException("client-service answered HTTP " + status + " for the key of client "
                    + clientId + (status == 403 ? " (is this service allowed to read client keys?)" : ""), null);
        }
        try {
            byte[] key = Base64.getDecoder().decode(JSON.readTree(response.body()).path("key").asText(""));
            if (key.length != 32) {
                throw new TransientFailureException("client-service's key answer has no 32-byte key", null);
            }
            return Optional.of(key);
        } catch (IOException | IllegalArgumentException e) {
            throw new TransientFailureException("client-service's key answer is not readable: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> call(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(authConfig.timeout()).GET()
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.token());
        String correlation = Correlation.current();
        if (correlation != null) {
            request.header(Correlation.HTTP_HEADER, correlation);
        }
        try {
            return tokens.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailureException("client-service could not be reached for a client key: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while asking client-service for a client key", e);
        }
    }
}
