package io.stipple.gallery.service;

import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.domain.Rendition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * HMAC-SHA256 signatures of private image links: clinic, photo, rendition, expiry and link id are all covered (the
 * link carries no token, so the clinic it was signed for is what its use runs as).
 */
@ApplicationScoped
public class LinkSigner {

    private static final Logger LOG = Logger.getLogger(LinkSigner.class);

    @Inject
    GalleryConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        byte[] secret;
        if (config.links().secret().isPresent() && !config.links().secret().get().isBlank()) {
            String text = config.links().secret().get();
            if (text.length() < 32) {
                throw new IllegalStateException("gallery.links.secret must be at least 32 characters");
            }
            secret = text.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.warn("gallery.links.secret is not set: signed links are valid on this instance only");
        }
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String sign(UUID clinicId, UUID photoId, Rendition rendition, long expiresEpochSecond, UUID linkId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String input = clinicId + "\n" + photoId + "\n" + rendition + "\n" + expiresEpochSecond + "\n" + linkId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time comparison with the signature this service would have made. */
    public boolean verify(UUID clinicId, UUID photoId, Rendition rendition, long expiresEpochSecond, UUID linkId,
                          String signature) {
        if (signature == null || clinicId == null) {
            return false;
        }
        byte[] expected = sign(clinicId, photoId, rendition, expiresEpochSecond, linkId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
