package io.stipple.client.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.client.domain.Assessment;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.Partner;
import io.stipple.client.domain.Screening;
import io.stipple.client.domain.TreatmentPlan;
import io.stipple.client.service.ClientKeys;
import io.stipple.client.messaging.ClientEventsPublished.AssessmentRecorded;
import io.stipple.client.messaging.ClientEventsPublished.ClientErased;
import io.stipple.client.messaging.ClientEventsPublished.ClientRegistered;
import io.stipple.client.messaging.ClientEventsPublished.ClientUpdated;
import io.stipple.client.messaging.ClientEventsPublished.ConsentGranted;
import io.stipple.client.messaging.ClientEventsPublished.ConsentWithdrawn;
import io.stipple.client.messaging.ClientEventsPublished.PartnerRegistered;
import io.stipple.client.messaging.ClientEventsPublished.PartnerUpdated;
import io.stipple.client.messaging.ClientEventsPublished.ScreeningRecorded;
import io.stipple.client.messaging.ClientEventsPublished.TreatmentPlanAgreed;
import io.stipple.client.messaging.ClientEventsPublished.TreatmentPlanCancelled;
import io.stipple.client.messaging.ClientEventsPublished.TreatmentPlanCompleted;
import io.stipple.platform.events.Topics;
import io.stipple.platform.outbox.Outbox;
import io.stipple.platform.sealing.SealedFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The one place that turns client-service's aggregates into events on {@code stipple.clients} (through the
 * outbox, so inside the caller's transaction). Shapes: docs/EVENTS.md and docs/asyncapi/client-service.yaml.
 * ClientRegistered and ClientUpdated carry the personal fields sealed with the client's key ({@link ClientKeys}).
 * Client events are keyed by the client id; the partner registry's events by the partner id.
 */
@ApplicationScoped
public class ClientEventPublisher {

    @Inject
    Outbox outbox;

    @Inject
    ClientKeys keys;

    public void registered(Client c) {
        publish(c.clinicId, c.id, new ClientRegistered(c.id, sealed(c), c.sex, c.timeZone, c.locale, c.channels(),
                c.marketingOptIn, c.version));
    }

    public void updated(Client c) {
        publish(c.clinicId, c.id, new ClientUpdated(c.id, sealed(c), c.sex, c.timeZone, c.locale, c.channels(),
                c.marketingOptIn, c.version));
    }

    /** Name, e-mail, phone and date of birth, sealed with the client's own key (destroyed at erasure). */
    private ObjectNode sealed(Client c) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("firstName", c.firstName);
        fields.put("lastName", c.lastName);
        fields.put("email", c.email);
        fields.put("phone", c.phone);
        fields.put("dateOfBirth", c.dateOfBirth == null ? null : c.dateOfBirth.toString());
        return SealedFields.seal(keys.keyFor(c.clinicId, c.id), c.clinicId, c.id, fields);
    }

    public void assessmentRecorded(Assessment a) {
        publish(a.clinicId, a.clientId, new AssessmentRecorded(a.clientId, a.id, a.assessedAt, a.scale, a.stage,
                a.condition, a.coveragePercent, a.fitzpatrickType, a.hairColour, a.desiredLook));
    }

    public void screeningRecorded(Screening s) {
        publish(s.clinicId, s.clientId, new ScreeningRecorded(s.clientId, s.id, s.eligibility, s.reviewed,
                s.reasons, s.screenedAt));
    }

    public void consentChanged(ConsentRecord r) {
        if (r.isGrant()) {
            publish(r.clinicId, r.clientId, new ConsentGranted(r.clientId, r.scope, r.partnerId, r.textVersion,
                    r.occurredAt, r.recordedBy));
        } else {
            publish(r.clinicId, r.clientId, new ConsentWithdrawn(r.clientId, r.scope, r.partnerId, r.textVersion,
                    r.occurredAt, r.recordedBy));
        }
    }

    public void planAgreed(TreatmentPlan p, Assessment basis, Client client) {
        publish(p.clinicId, p.clientId, new TreatmentPlanAgreed(p.clientId, p.id, p.treatmentType,
                p.plannedSessions, p.healingIntervalDays, basis.scale, basis.stage, basis.condition,
                basis.coveragePercent, p.eligibility, client.sex, p.agreedAt, p.healingOverrideReason != null));
    }

    public void planCancelled(TreatmentPlan p) {
        publish(p.clinicId, p.clientId, new TreatmentPlanCancelled(p.clientId, p.id, p.cancelledAt, p.cancelReason));
    }

    public void planCompleted(TreatmentPlan p) {
        publish(p.clinicId, p.clientId, new TreatmentPlanCompleted(p.clientId, p.id, p.completedAt));
    }

    public void erased(UUID clinicId, UUID clientId, Instant at) {
        publish(clinicId, clientId, new ClientErased(clientId, at));
    }

    public void partnerRegistered(Partner p) {
        outbox.publish(Topics.CLIENTS, p.clinicId, p.partnerId,
                new PartnerRegistered(p.partnerId, p.name, p.status, p.updatedAt));
    }

    public void partnerUpdated(Partner p) {
        outbox.publish(Topics.CLIENTS, p.clinicId, p.partnerId,
                new PartnerUpdated(p.partnerId, p.name, p.status, p.updatedAt));
    }

    private void publish(UUID clinicId, UUID clientId, io.stipple.platform.events.DomainEvent event) {
        outbox.publish(Topics.CLIENTS, clinicId, clientId.toString(), event);
    }
}
