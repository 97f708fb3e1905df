package io.stipple.notification.domain;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhookSignatureTest {

    private static final String BODY = "{\"id\":\"1\",\"type\":\"BookingConfirmed\",\"data\":{\"note\":\"Grüße\"}}";

    @Test
    void a_new_secret_is_whsec_and_standard_base64_of_32_random_bytes() {
        SecureRandom random = new SecureRandom();
        String secret = StandardWebhookSignature.newSecret(random);
        assertThat(secret).startsWith("whsec_").matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(StandardWebhookSignature.key(secret)).hasSize(32);
        assertThat(StandardWebhookSignature.newSecret(random)).isNotEqualTo(secret);
    }

    @Test
    void the_signature_is_v1_base64_hmac_sha256_of_id_dot_timestamp_dot_body_keyed_with_the_decoded_secret() throws Exception {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) key[i] = (byte) i;
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("msg_1.1790000000." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertThat(StandardWebhookSignature.sign(secret, "msg_1", 1_790_000_000L, BODY)).isEqualTo(expected);
    }

    @Test
    void the_reference_library_signs_the_same_and_verifies_every_signature_in_the_header() throws Exception {
        SecureRandom random = new SecureRandom();
        String current = StandardWebhookSignature.newSecret(random);
        String previous = StandardWebhookSignature.newSecret(random);
        long now = System.currentTimeMillis() / 1000;
        assertThat(StandardWebhookSignature.sign(current, "msg_2", now, BODY))
                .isEqualTo(new Webhook(current).sign("msg_2", now, BODY));

        String header = StandardWebhookSignature.header(List.of(current, previous), "msg_2", now, BODY);
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_2"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(current).verify(BODY, headers);
        new Webhook(previous).verify(BODY, headers);
        assertThatThrownBy(() -> new Webhook(StandardWebhookSignature.newSecret(random)).verify(BODY, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current).verify(BODY.replace("Booking", "Bocking"), headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void only_whsec_secrets_with_a_24_to_64_byte_standard_base64_key_sign() {
        assertThatThrownBy(() -> StandardWebhookSignature.key("s3cret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhookSignature.key(null)).isInstanceOf(IllegalArgumentException.class);
        // the secrets made before Standard Webhooks: url-safe base64 ("-", "_") is not what the spec's libraries decode
        assertThatThrownBy(() -> StandardWebhookSignature.key("whsec_3q2-7wEXAMPLEsecret_EXAMPLEsecretEXAMPLEsecretEX"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[23])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StandardWebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))).hasSize(24);
        assertThat(StandardWebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))).hasSize(64);
        assertThatThrownBy(() -> StandardWebhookSignature.header(List.of(), "m", 1L, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
