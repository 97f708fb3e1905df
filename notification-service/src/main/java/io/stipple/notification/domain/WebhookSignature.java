package io.stipple.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@value #HEADER} header of a webhook request: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}, the key being the secret's text (UTF-8). While a secret is rotated it carries one {@code v1} per
 * secret ({@code t=..,v1=<new>,v1=<old>}): a receiver accepts the request when any of them matches. A receiver
 * recomputes the HMAC over the raw body with its secret, compares in constant time, and rejects a timestamp too far
 * from its own clock (replays).
 *
 * <p><b>Deprecated for partner webhooks</b>: they are signed the Standard Webhooks way ({@link StandardWebhookSignature});
 * this header is still sent alongside for one more version so that existing receivers keep working.
 */
public final class WebhookSignature {

    public static final String HEADER = "Stipple-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long timestamp, String body) {
        return header(List.of(secret), timestamp, body);
    }

    /** The header signed with each secret in turn: {@code t=<unix>,v1=<first>,v1=<second>}. */
    public static String header(List<String> secrets, long timestamp, String body) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("no secret to sign with");
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) header.append(",v1=").append(hmac(secret, timestamp + "." + body));
        return header.toString();
    }

    public static String hmac(String secret, String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * What a receiver does: parse the header, recompute, compare in constant time with each {@code v1} (any may
     * match), check the age.
     */
    public static boolean verify(String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
        if (header == null) return false;
        Long t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) continue;
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || v1.isEmpty() || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
        byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : v1) {
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }
}
