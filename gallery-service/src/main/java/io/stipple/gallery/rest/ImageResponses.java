package io.stipple.gallery.rest;

import jakarta.ws.rs.core.Response;

/**
 * Image answers: always JPEG, always {@code Content-Disposition} and {@code X-Content-Type-Options: nosniff}, and a
 * content security policy that forbids running anything should a browser be tricked into rendering it as a page.
 */
final class ImageResponses {

    static final String JPEG = "image/jpeg";

    private ImageResponses() {
    }

    /** A private image: never stored by shared caches. */
    static Response privateImage(byte[] bytes, String filename) {
        return base(bytes, filename).header("Cache-Control", "private, no-store").build();
    }

    /** A public gallery image: cacheable for a short while, so a withdrawal takes effect quickly. */
    static Response publicImage(byte[] bytes, String filename, int maxAgeSeconds) {
        return base(bytes, filename).header("Cache-Control", "public, max-age=" + maxAgeSeconds).build();
    }

    private static Response.ResponseBuilder base(byte[] bytes, String filename) {
        return Response.ok(bytes, JPEG)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
