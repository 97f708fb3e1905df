package io.stipple.gallery.service;

import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.domain.Rendition;
import io.stipple.platform.sealing.HmacSigner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * HMAC-SHA256 signatures of private image links (the platform's {@link HmacSigner}): clinic, photo, rendition, expiry
 * and link id are all covered (the link carries no token, so the clinic it was signed for is what its use runs as).
 * The clinic id is the signer's first part, so links signed before the platform signer existed still verify.
 */
@ApplicationScoped
public class LinkSigner {

    @Inject
    GalleryConfig config;

    private HmacSigner signer;

    @PostConstruct
    void init() {
        signer = HmacSigner.fromSecret(config.links().secret(), "gallery.links.secret");
    }

    public String sign(UUID clinicId, UUID photoId, Rendition rendition, long expiresEpochSecond, UUID linkId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.mac(clinicId.toString(), photoId.toString(),
                rendition.toString(), Long.toString(expiresEpochSecond), linkId.toString()));
    }

    /** Constant-time comparison with the signature this service would have made. */
    public boolean verify(UUID clinicId, UUID photoId, Rendition rendition, long expiresEpochSecond, UUID linkId,
                          String signature) {
        if (signature == null || clinicId == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return signer.verify(given, clinicId.toString(), photoId.toString(), rendition.toString(),
                Long.toString(expiresEpochSecond), linkId.toString());
    }
}
