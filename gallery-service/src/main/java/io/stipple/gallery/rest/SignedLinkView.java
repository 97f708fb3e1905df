package io.stipple.gallery.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A signed, expiring link to one rendition of a photo. */
@Schema(name = "SignedLink")
public record SignedLinkView(
        @Schema(example = "/api/v1/gallery/files/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11?rendition=display&expires=1795600000&link=9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a&sig=Jq0...", maxLength = 500) String url,
        @Schema(example = "2026-11-25T14:05:00Z") Instant expiresAt) {
}
