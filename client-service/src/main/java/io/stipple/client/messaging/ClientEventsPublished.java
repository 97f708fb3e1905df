package io.stipple.client.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.client.domain.Channel;
import io.stipple.client.domain.Condition;
import io.stipple.client.domain.ConsentScope;
import io.stipple.client.domain.DesiredLook;
import io.stipple.client.domain.Eligibility;
import io.stipple.client.domain.HairLossScale;
import io.stipple.client.domain.PartnerStatus;
import io.stipple.client.domain.Sex;
import io.stipple.client.domain.TreatmentType;
import io.stipple.platform.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events on {@code stipple.clients} (schema version 1; ClientRegistered and ClientUpdated 2). Field names are the contract with
 * booking-, notification- and gallery-service: add fields, never rename. Nulls are written as {@code null}.
 */
public final class ClientEventsPublished {

    /**
     * Schema version 2: the personal fields ({@link #SEALED_FIELDS}) travel only in {@code sealed}, encrypted with the
     * client's own key (crypto-shredding, {@code io.stipple.platform.sealing.SealedFields}); version 1 carried them in
     * clear.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientRegistered(UUID clientId, ObjectNode sealed, Sex sex, String timeZone, String locale,
                                   List<Channel> preferredChannels, boolean marketingOptIn, long version)
            implements DomainEvent {
        @Override
        public int schemaVersion() {
            return 2;
        }
    }

    /** Schema version 2, like {@link ClientRegistered}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientUpdated(UUID clientId, ObjectNode sealed, Sex sex, String timeZone, String locale,
                                List<Channel> preferredChannels, boolean marketingOptIn, long version)
            implements DomainEvent {
        @Override
        public int schemaVersion() {
            return 2;
        }
    }

    /** The fields of ClientRegistered and ClientUpdated sealed with the client's key. */
    public static final List<String> SEALED_FIELDS = List.of("firstName", "lastName", "email", "phone", "dateOfBirth");

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssessmentRecorded(UUID clientId, UUID assessmentId, Instant assessedAt, HairLossScale scale,
                                     String stage, Condition condition, int coveragePercent, int fitzpatrickType,
                                     String hairColour, DesiredLook desiredLook) implements DomainEvent {
    }

    /** {@code screenedAt} is an addition to the documented fields. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ScreeningRecorded(UUID clientId, UUID screeningId, Eligibility eligibility, boolean reviewed,
                                    List<String> reasons, Instant screenedAt) implements DomainEvent {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsentGranted(UUID clientId, ConsentScope scope, String partnerId, String textVersion,
                                 Instant occurredAt, String recordedBy) implements DomainEvent {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsentWithdrawn(UUID clientId, ConsentScope scope, String partnerId, String textVersion,
                                   Instant occurredAt, String recordedBy) implements DomainEvent {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TreatmentPlanAgreed(UUID clientId, UUID planId, TreatmentType treatmentType, int plannedSessions,
                                      int healingIntervalDays, HairLossScale scale, String stage, Condition condition,
                                      int coveragePercent, Eligibility eligibility, Sex sex, Instant agreedAt,
                                      boolean healingIntervalOverridden)
            implements DomainEvent {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TreatmentPlanCancelled(UUID clientId, UUID planId, Instant occurredAt, String reason)
            implements DomainEvent {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TreatmentPlanCompleted(UUID clientId, UUID planId, Instant occurredAt) implements DomainEvent {
    }

    /** Only ids: every consumer purges or anonymises all it holds about the client. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientErased(UUID clientId, Instant erasedAt) implements DomainEvent {
    }

    /**
     * The clinic registered a partner. Subject and Kafka key are the partner id (not a client id); every service
     * keeps the registry as a projection ({@code PartnerDirectory.apply}).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartnerRegistered(String partnerId, String name, PartnerStatus status, Instant occurredAt)
            implements DomainEvent {
    }

    /** A registered partner's name or status changed (SUSPENDED or REVOKED: it sees nothing from now on). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartnerUpdated(String partnerId, String name, PartnerStatus status, Instant occurredAt)
            implements DomainEvent {
    }

    private ClientEventsPublished() {
    }
}
