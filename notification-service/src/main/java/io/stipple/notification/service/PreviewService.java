package io.stipple.notification.service;

import io.stipple.notification.domain.Booking;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.PolicyRules;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.repository.BookingRepository;
import io.stipple.notification.repository.ClientContactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Renders a reminder for a booking the way the client would get it, without scheduling anything. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PreviewService {

    @Inject
    TemplateRenderer templates;

    @Inject
    MessageLinks links;

    @Inject
    PolicyService policies;

    @Inject
    BookingRepository bookings;

    @Inject
    ClientContactRepository contacts;

    /** Empty when the clinic has no such booking. */
    public Optional<TemplateRenderer.Rendered> preview(UUID clinicId, UUID bookingId, ReminderType type, Channel channel,
                                                       String locale) {
        Booking booking = bookings.find(bookingId).orElse(null);
        if (booking == null || !booking.clinicId.equals(clinicId)) return Optional.empty();
        ClientContact contact = contacts.find(clinicId, booking.clientId).orElse(null);
        PolicyRules rules = policies.rulesFor(clinicId);
        Map<String, Object> facts = new HashMap<>();
        facts.put("clinicName", booking.clinicName);
        facts.put("clinicTimeZone", booking.clinicTimeZone);
        facts.put("startsAt", booking.startsAt.toString());
        facts.put("treatmentName", booking.treatmentName);
        facts.put("technicianName", booking.technicianName);
        facts.put("preparationNotes", booking.preparationNotes);
        // the client's link is their secret: the preview shows where it goes, not the token
        if (booking.manageToken != null) facts.put("manageUrl", links.manageBookingTemplate());
        int session = booking.sessionNumber == null ? 1 : booking.sessionNumber;
        facts.put("sessionNumber", session);
        facts.put("nextSessionNumber", session + 1);
        facts.put("healingIntervalDays", 7);
        facts.put("day", rules.aftercare().steps().stream().filter(s -> s.type() == type).mapToInt(PolicyRules.AftercareStep::day)
                .findFirst().orElse(0));
        facts.put("months", type == ReminderType.TOP_UP_CHECK_IN ? rules.topUp().checkInMonths()
                : rules.topUp().intervals().get(0).months());
        facts.put("tipNumber", 1);
        String usedLocale = locale != null ? locale : contact == null ? null : contact.locale;
        var zone = contact == null ? booking.zone() : contact.zoneOr(booking.zone());
        return Optional.of(templates.render(type, channel, usedLocale, zone, facts, contact == null ? null : contact.firstName));
    }
}
