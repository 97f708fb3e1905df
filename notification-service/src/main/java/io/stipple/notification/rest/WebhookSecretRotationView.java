package io.stipple.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The answer to a secret rotation: the new secret (shown this once) and the end of the previous one's overlap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookSecretRotation")
public record WebhookSecretRotationView(
        @Schema(example = "c3d4e5f6-a7b8-4911-8a22-ccddeeff0011") UUID subscriptionId,
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0aVbCxvbSJE=",
                description = "The new Standard Webhooks secret (whsec_ + base64 of the HMAC-SHA256 key); shown only in this answer",
                maxLength = 100)
        String secret,
        @Schema(example = "STANDARD", enumeration = {"STANDARD"}) String secretScheme,
        @Schema(example = "2026-11-30T09:00:00Z") Instant rotatedAt,
        @Schema(example = "2026-12-01T09:00:00Z", nullable = true,
                description = "Until then the secret before this one still signs every delivery too "
                        + "(webhook-signature: v1,<new> v1,<previous>); after it only the new one")
        Instant previousSecretValidUntil,
        @Schema(example = "LEGACY", nullable = true, enumeration = {"STANDARD", "LEGACY"},
                description = "The previous secret's scheme: a LEGACY one signs only the deprecated Stipple-Signature")
        String previousSecretScheme,
        @Schema(example = "3") long version) {
}
