package io.stipple.platform.sealing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.inbox.Failures;
import io.stipple.platform.inbox.TransientFailureException;
import io.stipple.testinfra.FakeClientKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumer side of crypto-shredding against a real HTTP key authority and token endpoint (test-infra's
 * {@link FakeClientKeys} and its DevIdentityProvider): what each answer of client-service makes of an event.
 */
class ClientKeyringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeClientKeys AUTHORITY = new FakeClientKeys();
    private static Map<String, String> settings;

    private final UUID clinic = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    @BeforeAll
    static void start() {
        AUTHORITY.init(Map.of("service", "booking-service"));
        settings = AUTHORITY.start();
    }

    @AfterAll
    static void stop() {
        AUTHORITY.stop();
    }

    @AfterEach
    void available() {
        FakeClientKeys.available();
    }

    private static ClientKeyring keyring(String clientSecret, String keysUrl) {
        ServiceAuthConfig auth = new ServiceAuthConfig() {
            public Optional<String> tokenUrl() { return Optional.of(settings.get("stipple.service-auth.token-url")); }
            public Optional<String> clientId() { return Optional.of("booking-service"); }
            public Optional<String> clientSecret() { return Optional.of(clientSecret); }
            public Duration timeout() { return Duration.ofSeconds(2); }
        };
        ServiceTokens tokens = new ServiceTokens();
        tokens.config = auth;
        ClientKeyring keyring = new ClientKeyring();
        keyring.config = () -> Optional.ofNullable(keysUrl);
        keyring.authConfig = auth;
        keyring.tokens = tokens;
        return keyring;
    }

    private static ClientKeyring keyring() {
        return keyring(settings.get("stipple.service-auth.client-secret"), settings.get("stipple.client-keys.url"));
    }

    private EventEnvelope sealedEvent(byte[] key) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("firstName", "Ana").put("email", "ana@example.com");
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("clientId", client.toString()).put("locale", "es-ES");
        data.set("sealed", SealedFields.seal(key, clinic, client, fields));
        return event(data, 2);
    }

    private EventEnvelope event(ObjectNode data, int schemaVersion) {
        return new EventEnvelope("1.0", UUID.randomUUID(), "/stipple/client-service", "io.stipple.ClientRegistered",
                client.toString(), Instant.now(), "application/json", clinic, 1L, schemaVersion, null, data);
    }

    @Test
    void a_sealed_event_opens_with_the_key_the_authority_serves() {
        EventEnvelope opened = keyring().open(sealedEvent(FakeClientKeys.keyFor(clinic, client))).orElseThrow();

        assertThat(opened.data().path("firstName").asText()).isEqualTo("Ana");
        assertThat(opened.data().path("email").asText()).isEqualTo("ana@example.com");
        assertThat(opened.data().path("locale").asText()).isEqualTo("es-ES");
        assertThat(opened.data().has("sealed")).isFalse();
    }

    @Test
    void an_erased_clients_event_stays_closed_and_is_not_an_error() {
        EventEnvelope event = sealedEvent(FakeClientKeys.keyFor(clinic, client));
        FakeClientKeys.erase(clinic, client);

        assertThat(keyring().open(event)).isEmpty();
    }

    @Test
    void an_event_of_schema_version_1_passes_unchanged_without_asking_for_a_key() {
        int before = FakeClientKeys.requests();
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("clientId", client.toString()).put("email", "v1@example.com");
        EventEnvelope event = event(data, 1);

        assertThat(keyring().open(event)).containsSame(event);
        assertThat(FakeClientKeys.requests()).isEqualTo(before);
    }

    @Test
    void an_unavailable_authority_or_token_endpoint_holds_the_event_instead_of_dead_lettering_it() {
        EventEnvelope event = sealedEvent(FakeClientKeys.keyFor(clinic, client));
        FakeClientKeys.unavailable(503);
        assertThatThrownBy(() -> keyring().open(event)).isInstanceOf(TransientFailureException.class)
                .satisfies(e -> assertThat(Failures.isTransient(e)).isTrue()).hasMessageContaining("503");
        FakeClientKeys.available();
        // a refused client secret (a misconfiguration someone must fix): held too, never dropped
        assertThatThrownBy(() -> keyring("wrong-secret", settings.get("stipple.client-keys.url")).open(event))
                .isInstanceOf(TransientFailureException.class).hasMessageContaining("401");
        // nothing listening
        assertThatThrownBy(() -> keyring(settings.get("stipple.service-auth.client-secret"), "http://127.0.0.1:9").open(event))
                .isInstanceOf(TransientFailureException.class);
        assertThatThrownBy(() -> keyring(settings.get("stipple.service-auth.client-secret"), null).open(event))
                .isInstanceOf(TransientFailureException.class).hasMessageContaining("CLIENT_SERVICE_URL");
        // and once it is back the very same event opens
        assertThat(keyring().open(event)).isPresent();
    }

    @Test
    void a_sealed_object_that_does_not_open_is_an_invalid_event() throws Exception {
        FakeClientKeys.keyFor(clinic, client);
        EventEnvelope sealedWithAnotherKey = sealedEvent(SealedFields.newKey());

        assertThatThrownBy(() -> keyring().open(sealedWithAnotherKey)).isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(Failures.isTransient(e)).isFalse());
        ObjectNode noClient = (ObjectNode) JSON.readTree("{\"sealed\":{\"alg\":\"A256GCM\",\"iv\":\"\",\"ciphertext\":\"\"}}");
        assertThatThrownBy(() -> keyring().open(event(noClient, 2))).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void one_token_serves_many_key_requests_and_a_refused_one_is_replaced() {
        ClientKeyring keyring = keyring();
        byte[] key = FakeClientKeys.keyFor(clinic, client);
        int grants = FakeClientKeys.tokensGranted();
        for (int i = 0; i < 5; i++) {
            assertThat(keyring.open(sealedEvent(key))).isPresent();
        }
        assertThat(FakeClientKeys.tokensGranted()).as("granted once, kept until it nears expiry").isEqualTo(grants + 1);
        // the authority no longer accepts it (401): the keyring drops it, gets a new one and the same call succeeds
        FakeClientKeys.unavailable(401);
        assertThatThrownBy(() -> keyring.open(sealedEvent(key))).isInstanceOf(TransientFailureException.class);
        assertThat(FakeClientKeys.tokensGranted()).as("a 401 makes it ask once more").isEqualTo(grants + 2);
        FakeClientKeys.available();
        assertThat(keyring.open(sealedEvent(key))).isPresent();
    }
}
