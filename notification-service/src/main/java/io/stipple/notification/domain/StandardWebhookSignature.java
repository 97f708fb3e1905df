package io.stipple.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com, symmetric {@code v1}): the headers
 * {@value #ID} (the message id, the same on every retry), {@value #TIMESTAMP} (unix seconds) and {@value #SIGNATURE}
 * ({@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, several space-separated while a secret
 * is being rotated). A secret is {@value #PREFIX} followed by the standard base64 of the key bytes; the key is the
 * decoded part, so a receiver can hand the secret to any Standard Webhooks library.
 */
public final class StandardWebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String PREFIX = "whsec_";

    /** Key length of the secrets this service generates (the spec asks for 24 to 64 bytes). */
    public static final int KEY_BYTES = 32;

    private StandardWebhookSignature() {
    }

    /** A new secret: {@code whsec_} + standard base64 (padded) of {@value #KEY_BYTES} random bytes. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The key of a {@code whsec_} secret. A value that is not one (no prefix, not standard base64, shorter than 24 or
     * longer than 64 bytes) is refused: it cannot sign what a Standard Webhooks library verifies.
     */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " secret");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret after " + PREFIX + " is not standard base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a Standard Webhooks key has 24 to 64 bytes, not " + key.length);
        }
        return key;
    }

    /** One signature: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] hmac = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The {@value #SIGNATURE} header value: one signature per secret, in the order given, space-separated. */
    public static String header(List<String> secrets, String messageId, long timestamp, String body) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("no secret to sign with");
        return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }
}
