package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.messaging.ClientEventsReceived.ClientDetails;
import io.stipple.notification.messaging.ClientEventsReceived.ConsentChanged;
import io.stipple.notification.repository.BookingRepository;
import io.stipple.notification.repository.ClientContactRepository;
import io.stipple.notification.repository.ClientPreferenceRepository;
import io.stipple.notification.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The client projection: contact details, locale, zone, channel preferences and marketing consent from
 * client-service events; erasure removes everything this service holds about a client.
 */
@ApplicationScoped
@Transactional
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);

    @Inject
    ClientContactRepository contacts;

    @Inject
    ClientPreferenceRepository preferences;

    @Inject
    BookingRepository bookings;

    @Inject
    ReminderRepository reminders;

    @Inject
    WebhookService webhooks;

    @Inject
    Clock clock;

    /** The clinic erased the client: later events about them are ignored. */
    public boolean isErased(UUID clinicId, UUID clientId) {
        return contacts.isErased(clinicId, clientId);
    }

    /**
     * The clinic knows the client: client-service told it about them (ClientRegistered / ClientUpdated, or a
     * consent of the client), and they are not erased. Bookings, preferences and reminders need this.
     */
    public boolean knows(UUID clinicId, UUID clientId) {
        if (clinicId == null || clientId == null) return false;
        return contacts.find(clinicId, clientId).isPresent();
    }

    /** ClientRegistered / ClientUpdated: newer versions replace older ones, a late older one is ignored. */
    public void clientDetails(UUID clinicId, ClientDetails event) {
        if (event.clientId() == null) throw new io.stipple.platform.events.InvalidEventException("clientId is missing");
        if (isErased(clinicId, event.clientId())) return;
        ClientContact contact = contacts.find(clinicId, event.clientId()).orElse(null);
        long version = event.version() == null ? 0 : event.version();
        boolean created = contact == null;
        if (created) {
            contact = new ClientContact();
            contact.clientId = event.clientId();
            contact.clinicId = clinicId;
        } else if (version > 0 && version < contact.clientVersion) {
            LOG.debugf("ignoring version %s of client %s (have %s)", (Object) version, event.clientId(), contact.clientVersion);
            return;
        }
        contact.firstName = event.firstName();
        contact.lastName = event.lastName();
        contact.email = event.email();
        contact.phone = event.phone();
        contact.sex = event.sex();
        contact.timeZone = event.timeZone();
        contact.locale = event.locale();
        contact.preferredChannels = Channel.fromNames(event.preferredChannels());
        contact.marketingOptIn = Boolean.TRUE.equals(event.marketingOptIn());
        contact.clientVersion = Math.max(version, contact.clientVersion);
        contact.updatedAt = Instant.now(clock);
        if (created) contacts.add(contact);
    }

    /** ConsentGranted / ConsentWithdrawn: only the marketing consent matters here (maintenance tips). */
    public void consent(UUID clinicId, ConsentChanged event, boolean granted) {
        if (!"MARKETING".equals(event.scope()) || event.clientId() == null || isErased(clinicId, event.clientId())) return;
        ClientContact contact = contacts.find(clinicId, event.clientId()).orElse(null);
        boolean created = contact == null;
        if (created) {
            contact = new ClientContact();
            contact.clientId = event.clientId();
            contact.clinicId = clinicId;
        }
        contact.marketingConsent = granted;
        if (!granted) contact.marketingOptIn = false;
        contact.updatedAt = Instant.now(clock);
        if (created) contacts.add(contact);
    }

    /**
     * ClientErased: contact, preferences and bookings deleted; waiting reminders and webhook deliveries
     * cancelled; the delivery logs kept for the clinic's numbers but anonymised.
     */
    public void erase(UUID clinicId, UUID clientId, Instant erasedAt) {
        if (clientId == null) throw new io.stipple.platform.events.InvalidEventException("clientId is missing");
        if (clinicId == null) throw new io.stipple.platform.events.InvalidEventException("clinicid is missing");
        Instant now = Instant.now(clock);
        contacts.markErased(clinicId, clientId, erasedAt != null ? erasedAt : now);
        contacts.deleteClient(clinicId, clientId);
        preferences.deleteClient(clinicId, clientId);
        bookings.deleteClient(clinicId, clientId);
        int logEntries = reminders.eraseClient(clinicId, clientId, now);
        int deliveries = webhooks.eraseClient(clinicId, clientId);
        LOG.infof("client %s erased: %d reminder log entries and %d webhook deliveries anonymised", clientId, logEntries,
                deliveries);
    }
}
