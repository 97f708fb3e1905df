package io.stipple.booking.rest;

/** Shared strings of the OpenAPI annotations. */
final class OpenApiText {
    static final String BEARER = "bearer";

    private OpenApiText() {
    }
}
