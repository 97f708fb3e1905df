package io.stipple.client.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A client's key, base64 (32 bytes, AES-256-GCM). */
@Schema(name = "ClientKey")
public record ClientKeyView(UUID clinicId, UUID clientId,
                            @Schema(enumeration = "A256GCM") String algorithm,
                            @Schema(description = "The 32-byte key, base64", format = "byte", minLength = 44, maxLength = 44) String key) {
}
