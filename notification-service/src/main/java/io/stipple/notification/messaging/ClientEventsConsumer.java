package io.stipple.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.notification.messaging.IncomingEvents.ClientDetails;
import io.stipple.notification.messaging.IncomingEvents.ClientErased;
import io.stipple.notification.messaging.IncomingEvents.ConsentChanged;
import io.stipple.notification.service.ContactService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.erasure.ClientErasure;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.ProjectionGuard;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.sealing.ClientKeyring;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** client-service events: the contact projection, marketing consent, erasure and the partner-sharing projection. */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "notification-service";

    @Inject
    ClientErasure platformErasure;

    @Inject
    ProjectionGuard positions;

    static String consentAspect(String scope, String partnerId) {
        return "consent:" + scope + (partnerId == null ? "" : ":" + partnerId);
    }

    @Inject
    Inbox inbox;

    @Inject
    ContactService contacts;

    @Inject
    PartnerDirectory partners;

    @Inject
    ClientKeyring keyring;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("client-events", CONSUMER, this::handle);
    }

    @Incoming("client-events")
    @Blocking
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, this::handle);
    }

    void handle(EventEnvelope event) {
        // the partner registry and "client X shares with partner P" projection the webhook fan-out and the
        // dispatcher consult (PartnerRegistered/Updated, PARTNER_SHARING consents, ClientErased)
        partners.apply(event);
        switch (event.eventName()) {
            // contact details are sealed with the client's key (schema version 2); no key any more: erased, keep nothing
            case "ClientRegistered", "ClientUpdated" -> keyring.open(event).ifPresent(opened ->
                    contacts.clientDetails(opened.clinicid(), inbox.data(opened, ClientDetails.class)));
            case "ConsentGranted", "ConsentWithdrawn" -> {
                ConsentChanged consent = inbox.data(event, ConsentChanged.class);
                // each consent is a fact of its own: an older grant (a redelivery, a replayed dead letter) never
                // overwrites a newer withdrawal
                if (positions.advance(consentAspect(consent.scope(), consent.partnerId()), event)) {
                    contacts.consent(event.clinicid(), consent, "ConsentGranted".equals(event.eventName()));
                }
            }
            case "ClientErased" -> {
                ClientErased erased = inbox.data(event, ClientErased.class);
                contacts.erase(event.clinicid(), erased.clientId(), erased.erasedAt());
                // the platform's stores: kept Idempotency-Key responses naming the client, sent outbox rows
                platformErasure.forgetClient(event.clinicid(), erased.clientId());
            }
            default -> {
                // not ours to act on
            }
        }
    }
}
