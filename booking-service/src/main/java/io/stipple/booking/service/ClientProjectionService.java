package io.stipple.booking.service;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.domain.TreatmentType;
import io.stipple.booking.messaging.ClientEvents;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies client-service events to the local projection (runs inside the inbox transaction). Events for an erased
 * client change nothing: the erasure is final.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClientProjectionService {

    private static final Logger LOG = Logger.getLogger(ClientProjectionService.class);
    public static final String PARTNER_SHARING = "PARTNER_SHARING";

    @Inject
    Clock clock;

    @Inject
    ProjectionRepository projections;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingService bookingService;

    public void clientDetails(EventEnvelope event, ClientEvents.ClientDetails data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.firstName = data.firstName();
        c.lastName = data.lastName();
        c.sex = data.sex();
        c.updatedAt = clock.instant();
    }

    public void assessment(EventEnvelope event, ClientEvents.AssessmentRecorded data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.scale = data.scale();
        c.stage = data.stage();
        c.condition = data.condition();
        c.coveragePercent = data.coveragePercent();
        c.updatedAt = clock.instant();
    }

    public void screening(EventEnvelope event, ClientEvents.ScreeningRecorded data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.eligibility = required(data.eligibility(), "eligibility");
        c.screeningReviewed = data.reviewed();
        c.updatedAt = clock.instant();
    }

    public void consent(EventEnvelope event, ClientEvents.Consent data, boolean granted) {
        if (!PARTNER_SHARING.equals(data.scope())) {
            return; // other consents are not booking-service's business
        }
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        String partner = required(data.partnerId(), "partnerId");
        if (granted) {
            projections.share(clinic(event), data.clientId(), partner, data.occurredAt() != null ? data.occurredAt() : clock.instant());
        } else {
            projections.unshare(data.clientId(), partner);
        }
    }

    public void planAgreed(EventEnvelope event, ClientEvents.TreatmentPlanAgreed data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        UUID planId = required(data.planId(), "planId");
        PlanProjection plan = PlanProjection.findById(planId);
        boolean created = plan == null;
        if (created) {
            plan = new PlanProjection();
            plan.planId = planId;
            plan.clientId = data.clientId();
            plan.clinicId = clinic(event);
        }
        try {
            plan.treatmentType = TreatmentType.valueOf(required(data.treatmentType(), "treatmentType"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown treatmentType " + data.treatmentType());
        }
        plan.plannedSessions = required(data.plannedSessions(), "plannedSessions");
        plan.healingIntervalDays = data.healingIntervalDays() != null ? data.healingIntervalDays() : 0;
        plan.scale = data.scale();
        plan.stage = data.stage();
        plan.condition = data.condition();
        plan.coveragePercent = data.coveragePercent();
        plan.eligibility = data.eligibility();
        plan.sex = data.sex();
        plan.status = PlanProjection.AGREED;
        plan.agreedAt = data.agreedAt() != null ? data.agreedAt() : event.time();
        plan.closedAt = null;
        plan.updatedAt = clock.instant();
        if (created) {
            plan.persist();
        }
        if (c.sex == null && data.sex() != null) c.sex = data.sex();
    }

    /** A cancelled plan's future sessions are cancelled too; a completed plan's are left to the clinic. */
    public void planClosed(EventEnvelope event, ClientEvents.TreatmentPlanClosed data, boolean cancelled) {
        PlanProjection plan = PlanProjection.findById(required(data.planId(), "planId"));
        if (plan == null) {
            LOG.infof("%s for unknown plan %s: nothing to close", event.type(), data.planId());
            return;
        }
        plan.status = cancelled ? PlanProjection.CANCELLED : PlanProjection.COMPLETED;
        plan.closedAt = data.occurredAt() != null ? data.occurredAt() : event.time();
        plan.updatedAt = clock.instant();
        if (cancelled) {
            for (Booking b : bookings.futureOfPlan(plan.planId, clock.instant())) {
                bookingService.cancelBySystem(b, "Treatment plan cancelled");
            }
        }
    }

    /** Erasure: future bookings cancelled (so reminders stop), the rest kept as anonymous clinic history. */
    public void erased(EventEnvelope event, ClientEvents.ClientErased data) {
        UUID clientId = required(data.clientId(), "clientId");
        Instant now = clock.instant();
        for (Booking b : bookings.ofClient(clientId)) {
            if ((b.status == BookingStatus.CONFIRMED || b.status == BookingStatus.CHECKED_IN) && b.startsAt.isAfter(now)) {
                bookingService.cancelBySystem(b, "Client erased");
            }
            SessionRecord record = SessionRecord.findById(b.id);
            if (record != null) record.technicianNotes = null;
            b.anonymise(now);
        }
        projections.forget(clientId);
        ClientProjection c = ClientProjection.findById(clientId);
        if (c == null) {
            c = new ClientProjection();
            c.clientId = clientId;
            c.clinicId = clinic(event);
            c.updatedAt = now;
            c.erasedAt = now;
            c.persist();
        }
        c.firstName = null;
        c.lastName = null;
        c.sex = null;
        c.scale = null;
        c.stage = null;
        c.condition = null;
        c.coveragePercent = null;
        c.eligibility = null;
        c.screeningReviewed = null;
        c.erasedAt = data.erasedAt() != null ? data.erasedAt() : now;
        c.updatedAt = now;
    }

    /** The client's projection row (created on first sight), or null if the client was erased. */
    private ClientProjection client(EventEnvelope event, UUID clientId) {
        required(clientId, "clientId");
        ClientProjection c = ClientProjection.findById(clientId);
        if (c == null) {
            c = new ClientProjection();
            c.clientId = clientId;
            c.clinicId = clinic(event);
            c.updatedAt = clock.instant();
            c.persist();
        } else if (!c.clinicId.equals(clinic(event))) {
            throw new InvalidEventException("client " + clientId + " belongs to another clinic");
        }
        if (c.erased()) {
            LOG.infof("%s for erased client %s ignored", event.type(), clientId);
            return null;
        }
        return c;
    }

    private static UUID clinic(EventEnvelope event) {
        if (event.clinicid() == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no clinic");
        }
        return event.clinicid();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidEventException("data." + field + " is missing");
        }
        return value;
    }
}
