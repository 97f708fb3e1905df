package io.stipple.gallery.domain;

/** The stored derivatives of a photo; all re-encoded JPEG without metadata. */
public enum Rendition {
    /** Full size, re-encoded (never the uploaded bytes). */
    FULL,
    /** Longest side {@code gallery.images.display-max-side}. */
    DISPLAY,
    /** Longest side {@code gallery.images.thumbnail-max-side}. */
    THUMBNAIL
}
