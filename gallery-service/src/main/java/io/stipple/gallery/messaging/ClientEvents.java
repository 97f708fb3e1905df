package io.stipple.gallery.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The parts of client-service's events ({@code stipple.clients}) the gallery reads. Enum-like fields are kept as
 * text so a value added upstream is stored or ignored rather than dead-lettering the event; unknown fields are
 * ignored by the inbox.
 */
public final class ClientEvents {

    private ClientEvents() {
    }

    /** ClientRegistered: only the id is kept (never a name or contact detail). */
    public record ClientRegistered(UUID clientId) {
    }

    /** ConsentGranted and ConsentWithdrawn. */
    public record ConsentChanged(UUID clientId, String scope, String textVersion, Instant occurredAt, String recordedBy) {
    }

    public record AssessmentRecorded(UUID clientId, UUID assessmentId, Instant assessedAt, String scale, String stage,
                                     String condition, Integer fitzpatrickType) {
    }

    public record TreatmentPlanAgreed(UUID clientId, UUID planId, String treatmentType, String scale, String stage,
                                      String condition, Instant agreedAt) {
    }

    public record ClientErased(UUID clientId, Instant erasedAt) {
    }
}
