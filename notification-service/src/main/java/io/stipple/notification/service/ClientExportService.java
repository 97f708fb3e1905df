package io.stipple.notification.service;

import io.stipple.notification.domain.Booking;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSubscription;
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
        ClientContact contact = ClientContact.of(clinicId, clientId)
                .orElseThrow(() -> ProblemException.notFound("Client"));
        PreferenceService.Preferences choices = preferences.get(clinicId, clientId)
                .orElseThrow(() -> ProblemException.notFound("Client"));
        List<Booking> bookings = Booking.list("clinicId = ?1 and clientId = ?2 order by startsAt, bookingId",
                clinicId, clientId);
        List<ScheduledReminder> reminders = ScheduledReminder.list(
                "clinicId = ?1 and clientId = ?2 order by dueAt, createdAt, id", clinicId, clientId);
        List<WebhookDelivery> deliveries = WebhookDelivery.list(
                "clinicId = ?1 and clientId = ?2 order by createdAt, id", clinicId, clientId);
        List<Delivery> withRecipients = deliveries.stream().map(d -> new Delivery(d,
                        WebhookSubscription.<WebhookSubscription>findByIdOptional(d.subscriptionId)
                                .map(s -> s.ownerPartnerId).orElse(null)))
                .toList();
        return new Snapshot(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), clinicId, contact, choices, bookings,
                reminders, withRecipients);
    }
}
