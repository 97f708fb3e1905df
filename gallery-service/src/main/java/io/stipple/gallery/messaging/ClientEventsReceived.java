package io.stipple.gallery.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The events the gallery receives from client-service ({@code stipple.clients}): the parts it reads, each applied by
 * its handler in {@code messaging.handlers}. Enum-like fields are kept as text so a value added upstream is stored or
 * ignored rather than dead-lettering the event; unknown fields are ignored by the inbox.
 */
public final class ClientEventsReceived {

    private ClientEventsReceived() {
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
