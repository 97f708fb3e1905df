package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Room")
public record RoomView(
        @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID id,
        @Schema(example = "Room 1", maxLength = 100) String name,
        @Schema(example = "true") boolean active,
        @Schema(example = "0") long version) {
}
