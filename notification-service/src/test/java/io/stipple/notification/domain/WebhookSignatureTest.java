package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void the_header_is_an_hmac_sha256_over_timestamp_dot_body() throws Exception {
        String body = "{\"id\":\"1\",\"type\":\"BookingConfirmed\"}";
        String header = WebhookSignature.header("whsec_test", 1_790_000_000L, body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("1790000000." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("t=1790000000,v1=" + expected);
    }

    @Test
    void verification_fails_for_another_body_secret_or_an_old_timestamp() {
        String body = "{\"a\":1}";
        String header = WebhookSignature.header("s3cret", 1_000L, body);
        assertThat(WebhookSignature.verify("s3cret", header, body, 1_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", header, "{\"a\":2}", 1_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("other", header, body, 1_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header, body, 2_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "garbage", body, 1_100L, 300)).isFalse();
    }

    @Test
    void during_a_rotation_the_header_carries_one_v1_per_secret_and_either_secret_verifies() {
        String body = "{\"a\":1}";
        String header = WebhookSignature.header(java.util.List.of("new", "old"), 1_000L, body);
        assertThat(header).startsWith("t=1000,v1=").containsOnlyOnce(",v1=" + WebhookSignature.hmac("old", "1000." + body));
        assertThat(header.split(",")).hasSize(3);
        assertThat(WebhookSignature.verify("new", header, body, 1_000L, 300)).isTrue();
        assertThat(WebhookSignature.verify("old", header, body, 1_000L, 300)).isTrue();
        assertThat(WebhookSignature.verify("other", header, body, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("old", header, body + " ", 1_000L, 300)).isFalse();
    }
}
