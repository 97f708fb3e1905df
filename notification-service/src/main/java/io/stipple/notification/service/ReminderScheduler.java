package io.stipple.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Booking;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ClientPreference;
import io.stipple.notification.domain.Money;
import io.stipple.notification.domain.PlannedReminder;
import io.stipple.notification.domain.PolicyRules;
import io.stipple.notification.domain.ReminderPlanner;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.SuppressionReason;
import io.stipple.notification.domain.Zones;
import io.stipple.notification.messaging.BookingEventsReceived.BookingConfirmed;
import io.stipple.notification.messaging.BookingEventsReceived.BookingEnded;
import io.stipple.notification.messaging.BookingEventsReceived.PaymentEvent;
import io.stipple.notification.messaging.BookingEventsReceived.SessionCompleted;
import io.stipple.notification.messaging.BookingEventsReceived.WaitlistOffered;
import io.stipple.notification.messaging.BookingEventsReceived.WaitlistOfferExpired;
import io.stipple.notification.repository.BookingRepository;
import io.stipple.notification.repository.ClientContactRepository;
import io.stipple.notification.repository.ClientPreferenceRepository;
import io.stipple.notification.repository.ReminderRepository;
import io.stipple.notification.repository.ReminderRepository.Target;
import io.stipple.platform.inbox.NotYetApplicableException;
import io.stipple.platform.tracing.TraceContext;
import io.stipple.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns booking facts into scheduled reminders per the clinic's policy, and cancels or suppresses the
 * ones a later fact makes pointless. Runs in the inbox transaction of the event; every insert is keyed
 * by the reminder's dedupe key, so applying the same fact twice adds nothing.
 */
@ApplicationScoped
@Transactional
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);
    private static final Set<ReminderType> TOP_UPS = Set.of(ReminderType.TOP_UP, ReminderType.TOP_UP_CHECK_IN);

    @Inject
    PolicyService policies;

    @Inject
    ReminderRepository reminders;

    @Inject
    ContactService contacts;

    @Inject
    BookingRepository bookings;

    @Inject
    ClientContactRepository contactRows;

    @Inject
    ClientPreferenceRepository preferences;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    Tracing tracing;

    /** BookingConfirmed, or BookingRescheduled ({@code moved}): appointment reminders for the (new) time. */
    public void bookingConfirmed(UUID clinicId, BookingConfirmed event, boolean moved) {
        if (!knownClient(clinicId, event.clientId(), event.bookingId(), moved ? "BookingRescheduled" : "BookingConfirmed")) return;
        Instant now = Instant.now(clock);
        Booking booking = upsertBooking(clinicId, event, now);
        Recipient recipient = recipient(clinicId, event.clientId(), booking.zone());
        ReminderPlanner planner = new ReminderPlanner(policies.rulesFor(clinicId));

        // appointment times are the clinic's (the client comes to the clinic); quiet hours are the recipient's own
        // (their zone when client-service told us, the clinic's otherwise)
        List<PlannedReminder> planned = planner.appointment(event.bookingId(), event.startsAt(), booking.zone(),
                recipient.zone(), recipient.channels(), now);
        List<String> keys = planned.stream().map(PlannedReminder::dedupeKey).toList();
        if (moved) {
            reminders.endPendingForBooking(clinicId, event.bookingId(), Set.of(ReminderType.APPOINTMENT_REMINDER), keys,
                    ReminderStatus.CANCELLED, SuppressionReason.RESCHEDULED, now);
        }
        Target target = new Target(clinicId, event.clientId(), event.bookingId(), event.planId(), booking.zone(),
                recipient.locale(), payload(booking, Map.of()));
        insertAll(target, planned, now);

        if (!moved) {
            if (event.planId() != null && event.sessionNumber() != null) {
                // the next session is booked: the "book your next session" prompt of this plan is moot
                reminders.endPendingForClient(clinicId, event.clientId(), event.planId(), Set.of(ReminderType.NEXT_SESSION_PROMPT),
                        List.of(), ReminderStatus.SUPPRESSED, SuppressionReason.NEXT_SESSION_BOOKED, now);
            }
            // a booking made while a top-up reminder waits makes it pointless; the next completion re-arms it
            reminders.endPendingForClient(clinicId, event.clientId(), null, TOP_UPS, List.of(), ReminderStatus.CANCELLED,
                    SuppressionReason.BOOKING_MADE, now);
        }
    }

    /** BookingCancelled or BookingNoShow: the appointment reminders go. */
    public void bookingEnded(UUID clinicId, BookingEnded event, String newStatus) {
        Instant now = Instant.now(clock);
        Booking booking = bookings.find(event.bookingId()).orElse(null);
        if (booking != null && booking.clinicId.equals(clinicId)) {
            booking.status = newStatus;
            booking.updatedAt = now;
        }
        String reason = Booking.NO_SHOW.equals(newStatus) ? SuppressionReason.BOOKING_NO_SHOW : SuppressionReason.BOOKING_CANCELLED;
        int ended = reminders.endPendingForBooking(clinicId, event.bookingId(), Set.of(ReminderType.APPOINTMENT_REMINDER), List.of(),
                ReminderStatus.CANCELLED, reason, now);
        LOG.debugf("booking %s %s: %d reminder(s) cancelled", event.bookingId(), newStatus, ended);
    }

    /**
     * SessionCompleted: the aftercare timeline; the next-session prompt when sessions remain; after the
     * final session (or a top-up) the top-up reminder, re-armed, and the maintenance tips if switched on.
     */
    public void sessionCompleted(UUID clinicId, SessionCompleted event) {
        if (!knownClient(clinicId, event.clientId(), event.bookingId(), "SessionCompleted")) return;
        Instant now = Instant.now(clock);
        Instant completedAt = event.completedAt() != null ? event.completedAt() : now;
        Booking booking = bookings.find(event.bookingId()).orElse(null);
        if (booking != null && booking.clinicId.equals(clinicId)) {
            booking.status = Booking.COMPLETED;
            booking.updatedAt = now;
        }
        ZoneId clinicZone = Zones.orUtc(event.clinicTimeZone());
        Recipient recipient = recipient(clinicId, event.clientId(), clinicZone);
        ZoneId zone = recipient.zone(); // healing and top-up days are the client's days
        PolicyRules rules = policies.rulesFor(clinicId);
        ReminderPlanner planner = new ReminderPlanner(rules);
        boolean topUpSession = "TOP_UP".equals(event.kind());
        boolean consultation = "CONSULTATION".equals(event.kind());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("clinicName", event.clinicName());
        facts.put("clinicTimeZone", event.clinicTimeZone());
        facts.put("sessionNumber", event.sessionNumber());
        facts.put("plannedSessions", event.plannedSessions());
        facts.put("treatmentType", event.treatmentType());
        facts.put("completedAt", completedAt.toString());
        Target target = new Target(clinicId, event.clientId(), event.bookingId(), event.planId(), zone, recipient.locale(),
                json(facts));

        if (consultation) return; // nothing heals after a consultation
        List<PlannedReminder> planned = new ArrayList<>(planner.aftercare(event.bookingId(), completedAt, zone, recipient.channels()));

        boolean finalSession = Boolean.TRUE.equals(event.finalSession());
        if (!finalSession && !topUpSession && event.planId() != null && event.sessionNumber() != null) {
            int healing = event.healingIntervalDays() == null ? 7 : Math.max(1, event.healingIntervalDays());
            planned.addAll(planner.nextSessionPrompt(event.bookingId(), event.sessionNumber(), completedAt, healing, zone,
                    recipient.channels(), nextSessionBooked(clinicId, event, completedAt)));
        }
        if (finalSession || topUpSession) {
            List<PlannedReminder> topUp = planner.topUp(event.bookingId(), completedAt, event.treatmentType(),
                    event.clientSex() != null ? event.clientSex() : recipient.sex(), event.condition(), zone, recipient.channels());
            reminders.endPendingForClient(clinicId, event.clientId(), null, TOP_UPS,
                    topUp.stream().map(PlannedReminder::dedupeKey).toList(), ReminderStatus.CANCELLED, SuppressionReason.REARMED, now);
            planned.addAll(topUp);
            planned.addAll(planner.maintenanceTips(event.bookingId(), completedAt, zone, recipient.channels()));
        }
        insertAll(target, planned, now);
    }

    /**
     * WaitlistOffered: the offer's message on each of the client's channels, due now (an offer that is already over
     * when the event is applied is logged {@code SUPPRESSED/OFFER_EXPIRED}). Its payload holds what the message shows;
     * the accept link is rendered from the offer id when it is sent.
     */
    public void waitlistOffered(UUID clinicId, WaitlistOffered event) {
        if (!knownClient(clinicId, event.clientId(), event.offerId(), "WaitlistOffered")) return;
        Instant now = Instant.now(clock);
        ZoneId clinicZone = Zones.orUtc(event.clinicTimeZone());
        Recipient recipient = recipient(clinicId, event.clientId(), clinicZone);
        List<PlannedReminder> planned = new ReminderPlanner(policies.rulesFor(clinicId)).waitlistOffer(event.offerId(),
                event.entryId(), event.offerExpiresAt(), recipient.zone(), recipient.channels(), now);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("offerId", event.offerId().toString());
        facts.put("clinicName", event.clinicName());
        facts.put("clinicTimeZone", clinicZone.getId());
        facts.put("treatmentName", event.treatmentName());
        facts.put("technicianName", event.technicianName());
        facts.put("startsAt", event.startsAt().toString());
        facts.put("endsAt", event.endsAt() == null ? null : event.endsAt().toString());
        facts.put("offerExpiresAt", event.offerExpiresAt().toString());
        facts.put("mode", event.mode());
        insertAll(new Target(clinicId, event.clientId(), event.bookingId(), null, clinicZone, recipient.locale(), json(facts)),
                planned, now);
    }

    /**
     * DepositPaid, DepositRefunded or FeeCharged: the payment's {@code receipt} on each of the client's channels, due now
     * (SMS and push after the recipient's quiet hours). Its payload holds what the receipt shows (clinic, treatment,
     * appointment, amount, reason); the row's booking is the payment's, but no booking event cancels it — a receipt
     * stays true. Only for a client the clinic knows, as every message (an erased client gets none).
     */
    public void paymentReceipt(UUID clinicId, ReminderType receipt, PaymentEvent event, Money amount) {
        if (!knownClient(clinicId, event.clientId(), event.paymentId(), receipt.name())) return;
        Instant now = Instant.now(clock);
        ZoneId clinicZone = Zones.orUtc(event.clinicTimeZone());
        Recipient recipient = recipient(clinicId, event.clientId(), clinicZone);
        List<PlannedReminder> planned = new ReminderPlanner(policies.rulesFor(clinicId)).receipt(receipt, event.paymentId(),
                event.at(), recipient.zone(), recipient.channels(), now);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("paymentId", event.paymentId().toString());
        facts.put("clinicName", event.clinicName());
        facts.put("clinicTimeZone", clinicZone.getId());
        facts.put("treatmentName", event.treatmentName());
        facts.put("startsAt", event.startsAt().toString());
        facts.put("amountMinor", amount.amountMinor());
        facts.put("currency", amount.currency().getCurrencyCode());
        facts.put("paymentAt", event.at().toString());
        facts.put("reason", event.reason());
        facts.put("rule", event.rule());
        insertAll(new Target(clinicId, event.clientId(), event.bookingId(), null, clinicZone, recipient.locale(), json(facts)),
                planned, now);
    }

    /** WaitlistOfferExpired: the offer's messages not sent yet are {@code CANCELLED/OFFER_EXPIRED}. */
    public void waitlistOfferExpired(UUID clinicId, WaitlistOfferExpired event) {
        int ended = reminders.endPendingOffer(clinicId, event.clientId(), event.offerId(), ReminderStatus.CANCELLED,
                SuppressionReason.OFFER_EXPIRED, Instant.now(clock));
        LOG.debugf("waitlist offer %s expired: %d message(s) cancelled", event.offerId(), ended);
    }

    /**
     * Reminders go only to clients the clinic knows (client-service told it of them, and they are not erased): a
     * booking event of a clinic about a client it does not know never reaches that client. An erased client is
     * skipped for good (false). A client not known YET may be on its way (ClientRegistered travels on another topic
     * and may be applied later): the event is not applicable yet, and the inbox holds it back for
     * {@code notification.unknown-client-hold}, then dead-letters it for a replay once the client is known.
     */
    private boolean knownClient(UUID clinicId, UUID clientId, UUID about, String what) {
        if (contacts.knows(clinicId, clientId)) return true;
        if (contacts.isErased(clinicId, clientId)) {
            LOG.debugf("%s %s: client %s is erased in clinic %s; no reminders", what, about, clientId, clinicId);
            return false;
        }
        throw new NotYetApplicableException("client " + clientId + " unknown in clinic " + clinicId,
                config.unknownClientHold());
    }

    private boolean nextSessionBooked(UUID clinicId, SessionCompleted event, Instant completedAt) {
        return bookings.laterSessionConfirmed(clinicId, event.clientId(), event.planId(), event.bookingId(), completedAt);
    }

    private void insertAll(Target target, List<PlannedReminder> planned, Instant now) {
        // the trace of the event that planned them (the inbox's span): the send continues it when the reminder is due
        TraceContext trace = tracing.current();
        int inserted = 0;
        for (PlannedReminder reminder : planned) {
            Target withDetails = reminder.details().isEmpty() ? target
                    : new Target(target.clinicId(), target.clientId(), target.bookingId(), target.planId(), target.zone(),
                    target.locale(), merge(target.payloadJson(), reminder.details()));
            if (reminders.insert(withDetails, reminder, trace, now)) inserted++;
        }
        LOG.debugf("%d of %d planned reminder(s) for client %s were new", inserted, planned.size(), target.clientId());
    }

    private Booking upsertBooking(UUID clinicId, BookingConfirmed event, Instant now) {
        Booking booking = bookings.find(event.bookingId()).orElse(null);
        boolean created = booking == null;
        if (created) {
            booking = new Booking();
            booking.bookingId = event.bookingId();
            booking.clinicId = clinicId;
            booking.clientId = event.clientId();
        }
        booking.kind = event.kind() == null ? "UNKNOWN" : event.kind();
        booking.planId = event.planId();
        booking.sessionNumber = event.sessionNumber();
        booking.treatmentName = event.treatmentName();
        booking.clinicName = event.clinicName();
        booking.clinicTimeZone = Zones.parse(event.clinicTimeZone()).map(ZoneId::getId).orElse("UTC");
        booking.technicianName = event.technicianName();
        booking.startsAt = event.startsAt();
        booking.endsAt = event.endsAt();
        booking.preparationNotes = event.preparationNotes();
        // the manage link's secret: kept from BookingConfirmed (a reschedule keeps the booking's link); never logged
        if (MessageLinks.isManageToken(event.manageToken())) {
            booking.manageToken = event.manageToken();
        } else if (event.manageToken() != null) {
            LOG.warnf("booking %s: the manage token is not base64url text; its reminders carry no manage link", event.bookingId());
        }
        booking.status = Booking.CONFIRMED;
        booking.updatedAt = now;
        if (created) bookings.add(booking);
        return booking;
    }

    /** What the templates show about a booking. */
    String payload(Booking booking, Map<String, Object> extra) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("clinicName", booking.clinicName);
        facts.put("clinicTimeZone", booking.clinicTimeZone);
        facts.put("startsAt", booking.startsAt.toString());
        facts.put("treatmentName", booking.treatmentName);
        facts.put("technicianName", booking.technicianName);
        facts.put("preparationNotes", booking.preparationNotes);
        facts.put("sessionNumber", booking.sessionNumber);
        facts.put("kind", booking.kind);
        facts.putAll(extra);
        return json(facts);
    }

    private String merge(String json, Map<String, Object> extra) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = mapper.readValue(json, LinkedHashMap.class);
            facts.putAll(extra);
            return json(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Map<String, Object> facts) {
        try {
            return mapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How to reach a client as far as known now: channels (preferred minus opted out; email if none), zone, locale. */
    record Recipient(List<Channel> channels, ZoneId zone, String locale, String sex) {
    }

    private Recipient recipient(UUID clinicId, UUID clientId, ZoneId fallbackZone) {
        ClientContact contact = contactRows.find(clinicId, clientId).orElse(null);
        ClientPreference preference = preferences.find(clinicId, clientId).orElse(null);
        List<Channel> channels = new ArrayList<>(contact == null ? List.of() : contact.preferred());
        if (channels.isEmpty()) channels.add(Channel.EMAIL);
        if (preference != null) channels.removeAll(preference.optedOut());
        ZoneId zone = contact == null ? fallbackZone : contact.zoneOr(fallbackZone);
        return new Recipient(channels, zone, contact == null ? null : contact.locale, contact == null ? null : contact.sex);
    }
}
