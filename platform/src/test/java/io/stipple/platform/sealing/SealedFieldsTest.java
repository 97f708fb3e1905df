package io.stipple.platform.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.testinfra.EventContracts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedFieldsTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();

    private static ObjectNode fields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("firstName", "Daniel");
        fields.put("email", "daniel.reyes@example.com");
        fields.putNull("phone");
        return fields;
    }

    @Test
    void sealed_fields_open_with_the_subjects_key_and_show_nothing_in_clear() {
        byte[] key = SealedFields.newKey();
        ObjectNode sealed = SealedFields.seal(key, CLINIC, CLIENT, fields());

        assertThat(sealed.toString()).doesNotContain("Daniel").doesNotContain("example.com");
        assertThat(sealed.path("alg").asText()).isEqualTo("A256GCM");
        assertThat(SealedFields.open(key, CLINIC, CLIENT, sealed)).isEqualTo(fields());
        // a fresh IV each time: the same fields never give the same ciphertext
        assertThat(SealedFields.seal(key, CLINIC, CLIENT, fields()).path("ciphertext"))
                .isNotEqualTo(sealed.path("ciphertext"));
    }

    @Test
    void another_key_another_subject_or_an_altered_byte_does_not_open() {
        byte[] key = SealedFields.newKey();
        ObjectNode sealed = SealedFields.seal(key, CLINIC, CLIENT, fields());

        assertThatThrownBy(() -> SealedFields.open(SealedFields.newKey(), CLINIC, CLIENT, sealed))
                .isInstanceOf(InvalidEventException.class);
        // copied into another client's event, or another clinic's: the authenticated data differs
        assertThatThrownBy(() -> SealedFields.open(key, CLINIC, UUID.randomUUID(), sealed))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> SealedFields.open(key, UUID.randomUUID(), CLIENT, sealed))
                .isInstanceOf(InvalidEventException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed.path("ciphertext").asText());
        bytes[3] ^= 1;
        ObjectNode altered = sealed.deepCopy().put("ciphertext", Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> SealedFields.open(key, CLINIC, CLIENT, altered)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> SealedFields.open(key, CLINIC, CLIENT, sealed.deepCopy().put("alg", "none")))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> SealedFields.open(key, CLINIC, CLIENT, sealed.deepCopy().put("iv", "%%%")))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void the_documented_example_opens_with_the_documentation_key() {
        // docs/asyncapi/client-service.yaml seals its ClientRegistered example with a documentation-only key: what a
        // consumer written from the document alone must be able to open
        JsonNode event = EventContracts.forService("client-service").exampleNode("ClientRegistered");
        byte[] key = "stipple-example-key-docs-only-32".getBytes(StandardCharsets.US_ASCII);
        JsonNode data = event.path("data");
        ObjectNode opened = SealedFields.open(key, UUID.fromString(event.path("clinicid").asText()),
                UUID.fromString(data.path("clientId").asText()), data.path("sealed"));

        assertThat(opened.path("firstName").asText()).isEqualTo("Daniel");
        assertThat(opened.path("lastName").asText()).isEqualTo("Reyes");
        assertThat(opened.path("email").asText()).isEqualTo("daniel.reyes@example.com");
        assertThat(opened.path("phone").asText()).isEqualTo("+447700900123");
        assertThat(opened.path("dateOfBirth").asText()).isEqualTo("1986-04-12");
        ObjectNode merged = SealedFields.merged(data, opened);
        assertThat(merged.has("sealed")).isFalse();
        assertThat(merged.path("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(merged.path("email").asText()).isEqualTo("daniel.reyes@example.com");
    }
}
