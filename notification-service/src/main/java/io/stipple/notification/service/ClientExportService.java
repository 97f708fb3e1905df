package io.stipple.notification.service;

import io.stipple.notification.domain.Booking;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.repository.BookingRepository;
import io.stipple.notification.repository.ClientContactRepository;
import io.stipple.notification.repository.ReminderRepository;
import io.stipple.notification.repository.WebhookDeliveryRepository;
import io.stipple.notification.repository.WebhookSubscriptionRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * GDPR export (Art. 15/20) of notification-service's part: everything it holds about one client of the caller's
 * clinic — the contact details and preferences projected from client-service, the client's bookings as
 * booking-service announced them, every reminder scheduled or sent (which is also the delivery log, with the
 * address it went to) and every partner webhook delivery about the client (with who received it).
 *
 * <p>Staff of the clinic or the client themself; anyone else, and a client this clinic does not know (never
 * registered here, or erased), gets 404.
 */
@ApplicationScoped
@Transactional
public class ClientExportService {

    @Inject
    Caller caller;

    @Inject
    PreferenceService preferences;

    @Inject
    Clock clock;

    @Inject
    ClientContactRepository contacts;

    @Inject
    BookingRepository bookingRepository;

    @Inject
    ReminderRepository reminderRepository;

    @Inject
    WebhookDeliveryRepository deliveryRepository;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    /** A webhook delivery about the client and the partner whose subscription received it (null: the clinic's own). */
    public record Delivery(WebhookDelivery delivery, String recipientPartnerId) {
    }

    /** Everything held about the client at one moment. */
    public record Snapshot(Instant at, UUID clinicId, ClientContact contact, PreferenceService.Preferences preferences,
                           List<Booking> bookings, List<ScheduledReminder> reminders, List<Delivery> webhookDeliveries) {
    }

    public Snapshot export(UUID clientId) {
        UUID clinicId = caller.clinicId();
        if (caller.isPartner() || !caller.mayAccessClient(clientId)) {
            throw ProblemException.notFound("Client");
        }
        ClientContact contact = contacts.find(clinicId, clientId)
                .orElseThrow(() -> ProblemException.notFound("Client"));
        PreferenceService.Preferences choices = preferences.get(clinicId, clientId)
                .orElseThrow(() -> ProblemException.notFound("Client"));
        List<Booking> bookings = bookingRepository.ofClient(clinicId, clientId);
        List<ScheduledReminder> reminders = reminderRepository.ofClient(clinicId, clientId);
        List<WebhookDelivery> deliveries = deliveryRepository.ofClient(clinicId, clientId);
        List<Delivery> withRecipients = deliveries.stream().map(d -> new Delivery(d,
                        subscriptions.find(d.subscriptionId).map(s -> s.ownerPartnerId).orElse(null)))
                .toList();
        return new Snapshot(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), clinicId, contact, choices, bookings,
                reminders, withRecipients);
    }
}
