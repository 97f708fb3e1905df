package io.stipple.client.rest;

import io.stipple.client.domain.Channel;
import io.stipple.client.domain.Sex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Client")
public record ClientView(
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID id,
        @Schema(example = "0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34") UUID clinicId,
        @Schema(example = "Daniel", maxLength = 100) String firstName,
        @Schema(example = "Okafor", maxLength = 100) String lastName,
        @Schema(example = "daniel.okafor@example.com", maxLength = 254) String email,
        @Schema(description = "E.164", example = "+447911123456", nullable = true, maxLength = 20) String phone,
        @Schema(example = "1988-04-12") LocalDate dateOfBirth,
        @Schema(example = "MALE") Sex sex,
        @Schema(example = "man", nullable = true, maxLength = 100) String genderIdentity,
        @Schema(example = "Europe/London", maxLength = 64) String timeZone,
        @Schema(example = "en-GB", maxLength = 35) String locale,
        @Schema(example = "[\"EMAIL\", \"SMS\"]", maxItems = 3) List<Channel> preferredChannels,
        @Schema(example = "false") boolean marketingOptIn,
        @Schema(example = "2026-11-25T10:15:30Z") Instant createdAt,
        @Schema(example = "2026-11-25T10:15:30Z") Instant updatedAt,
        @Schema(description = "Also the ETag; send it in If-Match to update", example = "0") long version) {
}
