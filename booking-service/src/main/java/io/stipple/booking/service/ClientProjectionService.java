package io.stipple.booking.service;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.TreatmentType;
import io.stipple.booking.messaging.ClientEventsReceived;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.platform.erasure.ClientErasure;
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
 * Applies client-service events to the local projection (runs inside the inbox transaction, bound to the event's
 * clinic). Events for an erased client change nothing: the erasure is final. Partners and partner sharing are the
 * platform's {@code PartnerDirectory} (fed by {@code ClientEventsConsumer} before every event).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClientProjectionService {

    private static final Logger LOG = Logger.getLogger(ClientProjectionService.class);

    @Inject
    ClientErasure platformErasure;

    @Inject
    Clock clock;

    @Inject
    ProjectionRepository projections;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingService bookingService;

    @Inject
    PaymentService payments;

    public void clientDetails(EventEnvelope event, ClientEventsReceived.ClientDetails data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.firstName = data.firstName();
        c.lastName = data.lastName();
        c.sex = data.sex();
        c.updatedAt = clock.instant();
    }

    public void assessment(EventEnvelope event, ClientEventsReceived.AssessmentRecorded data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.scale = data.scale();
        c.stage = data.stage();
        c.condition = data.condition();
        c.coveragePercent = data.coveragePercent();
        c.updatedAt = clock.instant();
    }

    public void screening(EventEnvelope event, ClientEventsReceived.ScreeningRecorded data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        c.eligibility = required(data.eligibility(), "eligibility");
        c.screeningReviewed = data.reviewed();
        c.updatedAt = clock.instant();
    }

    public void planAgreed(EventEnvelope event, ClientEventsReceived.TreatmentPlanAgreed data) {
        ClientProjection c = client(event, data.clientId());
        if (c == null) return;
        UUID planId = required(data.planId(), "planId");
        UUID clinicId = clinic(event);
        PlanProjection plan = projections.planForUpdate(clinicId, planId).orElse(null);
        boolean created = plan == null;
        if (created) {
            plan = new PlanProjection();
            plan.planId = planId;
            plan.clientId = data.clientId();
            plan.clinicId = clinicId;
        } else if (!plan.clientId.equals(data.clientId())) {
            throw new InvalidEventException("plan " + planId + " belongs to another client");
        }
        try {
            plan.treatmentType = TreatmentType.valueOf(required(data.treatmentType(), "treatmentType"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown treatmentType " + data.treatmentType());
        }
        plan.plannedSessions = required(data.plannedSessions(), "plannedSessions");
        plan.healingIntervalDays = data.healingIntervalDays() != null ? data.healingIntervalDays() : 0;
        plan.healingIntervalOverridden = Boolean.TRUE.equals(data.healingIntervalOverridden());
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
            projections.persist(plan);
        }
        if (c.sex == null && data.sex() != null) c.sex = data.sex();
    }

    /** A cancelled plan's future sessions are cancelled too; a completed plan's are left to the clinic. */
    public void planClosed(EventEnvelope event, ClientEventsReceived.TreatmentPlanClosed data, boolean cancelled) {
        // the plan's row first (lock order client, plan, booking): no session is booked into a closing plan
        PlanProjection plan = projections.planForUpdate(clinic(event), required(data.planId(), "planId")).orElse(null);
        if (plan == null) {
            LOG.infof("%s for unknown plan %s: nothing to close", event.type(), data.planId());
            return;
        }
        plan.status = cancelled ? PlanProjection.CANCELLED : PlanProjection.COMPLETED;
        plan.closedAt = data.occurredAt() != null ? data.occurredAt() : event.time();
        plan.updatedAt = clock.instant();
        if (cancelled) {
            for (Booking b : bookings.futureOfPlan(plan.clinicId, plan.planId, clock.instant())) {
                bookingService.cancelBySystem(b, "Treatment plan cancelled");
            }
        }
    }

    /**
     * Erasure: future bookings cancelled (so reminders stop), the rest kept as anonymous clinic history. The client's
     * row is locked first (a booking being made for the client holds it share-locked: the erasure waits for it and
     * then sees its booking, or the booking waits and then sees the erasure), then the plans, then the bookings.
     * Partner sharing is forgotten by the platform's directory ({@code PartnerDirectory#apply}).
     */
    public void erased(EventEnvelope event, ClientEventsReceived.ClientErased data) {
        UUID clientId = required(data.clientId(), "clientId");
        UUID clinicId = clinic(event);
        Instant now = clock.instant();
        ClientProjection c = projections.clientForUpdate(clinicId, clientId).orElse(null);
        projections.lockPlansOf(clinicId, clientId);
        for (Booking b : bookings.ofClient(clinicId, clientId)) {
            if ((b.status == BookingStatus.PENDING_PAYMENT || b.status == BookingStatus.CONFIRMED
                    || b.status == BookingStatus.CHECKED_IN) && b.startsAt.isAfter(now)) {
                bookingService.cancelBySystem(b, "Client erased");
            }
            bookings.sessionRecord(b.id).ifPresent(record -> record.technicianNotes = null);
            b.anonymise(now);
        }
        payments.forgetClient(clinicId, clientId);
        projections.forgetPlans(clinicId, clientId);
        if (c == null) {
            c = new ClientProjection();
            c.clientId = clientId;
            c.clinicId = clinicId;
            c.updatedAt = now;
            c.erasedAt = now;
            projections.persist(c);
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
        // the platform's stores: sent outbox rows about the client (notes in BookingConfirmed), kept
        // Idempotency-Key responses naming the client; the cancellations written above go out, then are deleted
        platformErasure.forgetClient(clinicId, clientId);
    }

    /**
     * The clinic's projection row of the client (created on first sight), or null if the client was erased. Keyed
     * by the event's clinic: an event of another clinic about the same client id is about another row.
     */
    private ClientProjection client(EventEnvelope event, UUID clientId) {
        required(clientId, "clientId");
        UUID clinicId = clinic(event);
        ClientProjection c = projections.client(clinicId, clientId).orElse(null);
        if (c == null) {
            c = new ClientProjection();
            c.clientId = clientId;
            c.clinicId = clinicId;
            c.updatedAt = clock.instant();
            projections.persist(c);
        }
        if (c.erased()) {
            LOG.infof("%s for erased client %s ignored", event.type(), clientId);
            return null;
        }
        return c;
    }

    /** True when the clinic's client named by the event has been erased (later events about it change nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erasedClient(EventEnvelope event) {
        String clientId = event.data() == null ? null : event.data().path("clientId").asText(null);
        if (clientId == null || event.clinicid() == null) return false;
        UUID id;
        try {
            id = UUID.fromString(clientId);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("data.clientId is not a UUID: " + clientId);
        }
        return projections.client(event.clinicid(), id).map(ClientProjection::erased).orElse(false);
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
