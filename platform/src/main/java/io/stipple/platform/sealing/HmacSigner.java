package io.stipple.platform.sealing;

import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * HMAC-SHA256 over a purpose and parts, for links that carry their own authority (a signed image link, a booking's
 * manage link). The purpose is signed first, so a signature made for one kind of link is worthless for another; parts
 * are separated by a newline (they must not contain one). {@link #verify} compares in constant time.
 *
 * <pre>{@code
 * HmacSigner signer = HmacSigner.fromSecret(config.secret(), "booking.manage-links.secret");
 * byte[] mac = signer.mac("manage-link-v1", clinicId.toString(), bookingId.toString());
 * }</pre>
 */
public final class HmacSigner {

    /** Shortest secret accepted: 32 characters (256 bits of ASCII at best). */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final Logger LOG = Logger.getLogger(HmacSigner.class);

    private final SecretKeySpec key;

    private HmacSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * The signer of a configured secret. Unset, a random key is made (and a warning logged): links signed by this
     * instance then work on this instance only, until it restarts — fine for development, wrong with replicas.
     *
     * @param configName the property's name, for the messages
     * @throws IllegalStateException if the secret is set but shorter than {@link #MIN_SECRET_LENGTH}
     */
    public static HmacSigner fromSecret(Optional<String> secret, String configName) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            String text = secret.get();
            if (text.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(configName + " must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            return new HmacSigner(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        LOG.warnf("%s is not set: links signed now are valid on this instance only, until it restarts", configName);
        return new HmacSigner(random);
    }

    /** HMAC-SHA256 of {@code purpose} and {@code parts}, newline-separated: 32 bytes. */
    public byte[] mac(String purpose, String... parts) {
        StringBuilder input = new StringBuilder(purpose);
        for (String part : parts) {
            if (part.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a signed part must not contain a newline");
            }
            input.append('\n').append(part);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Is {@code mac} the one this signer makes for these parts? Constant time in the mac's content; false for parts it would refuse. */
    public boolean verify(byte[] mac, String purpose, String... parts) {
        if (mac == null) {
            return false;
        }
        for (String part : parts) {
            if (part.indexOf('\n') >= 0) {
                return false; // never signed: mac() refuses such a part
            }
        }
        return MessageDigest.isEqual(mac(purpose, parts), mac);
    }
}
