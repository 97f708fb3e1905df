package io.stipple.testinfra.api;

/** A record with the {@code ETag} it was answered with: what the next update sends as {@code If-Match}. */
public record Versioned<T>(T value, String etag) {
}
