package io.stipple.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.PartnerEventView;
import io.stipple.notification.domain.StandardWebhookSignature;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSecrets;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.notification.domain.WebhookTargetGuard;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.stipple.notification.repository.WebhookDeliveryRepository;
import io.stipple.notification.repository.WebhookSubscriptionRepository;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partner webhook subscriptions of a clinic, the fan-out of events to them and their delivery log.
 *
 * <p>Every subscription has an owner: the partner that created it, or the clinic (an admin created it). A
 * {@link Subscriber} sees and manages only what it owns — a partner its own subscriptions, an admin all of its
 * clinic's; anything else is answered exactly like a subscription that does not exist. A partner-owned
 * subscription is sent a client's event only while the client shares with that partner (checked here at fan-out
 * and again by the dispatcher just before sending), and only the partner view of it ({@link PartnerEventView}).
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Who is asking: the clinic's admin ({@code partnerId} null) or one of its partners. */
    public record Subscriber(UUID clinicId, String partnerId) {
        public static Subscriber admin(UUID clinicId) {
            return new Subscriber(clinicId, null);
        }

        public static Subscriber partner(UUID clinicId, String partnerId) {
            return new Subscriber(clinicId, java.util.Objects.requireNonNull(partnerId, "partnerId"));
        }

        boolean owns(WebhookSubscription subscription) {
            return subscription.clinicId.equals(clinicId) && (partnerId == null || partnerId.equals(subscription.ownerPartnerId));
        }
    }

    /** A new subscription: its target, the event types it wants and a description. */
    public record NewSubscription(String url, List<String> eventTypes, String description) {
    }

    /** A subscription's new target, event types, description and state (the secret stays). */
    public record SubscriptionChange(String url, List<String> eventTypes, String description, boolean active) {
    }

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    /** Event types a partner may subscribe to. */
    public static final Set<String> EVENT_TYPES = Set.of("BookingConfirmed", "BookingRescheduled", "BookingCancelled",
            "BookingNoShow", "SessionCompleted", "DepositPaid", "DepositRefunded", "FeeCharged", "PhotoPublished",
            "PhotoWithdrawn");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookDeliveryRepository deliveryRows;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    WebhookGuardProducer guards;

    @Inject
    PartnerDirectory partners;

    @Inject
    Caller caller;

    /** A new subscription owned by the subscriber (the partner, or the clinic for an admin), created by the caller. */
    public WebhookSubscription create(Subscriber subscriber, NewSubscription command) {
        UUID clinicId = subscriber.clinicId();
        checkEventTypes(command.eventTypes());
        String target = checkTarget(command.url());
        // per owner: one partner filling the quota cannot keep the clinic (or another partner) from subscribing
        long existing = subscriptions.countOwned(clinicId, subscriber.partnerId());
        if (existing >= config.webhooks().maxSubscriptionsPerClinic()) {
            throw ProblemException.unprocessable("webhook-subscription-limit",
                    "A clinic, and each of its partners, may hold at most " + config.webhooks().maxSubscriptionsPerClinic()
                            + " webhook subscriptions");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.clinicId = clinicId;
        subscription.ownerPartnerId = subscriber.partnerId();
        subscription.url = target;
        subscription.secret = StandardWebhookSignature.newSecret(RANDOM);
        subscription.secretScheme = WebhookSecrets.Scheme.STANDARD;
        subscription.eventTypes = String.join(",", new LinkedHashSet<>(command.eventTypes()));
        subscription.description = command.description();
        subscription.createdBy = caller.actor();
        subscription.createdAt = Instant.now(clock);
        subscriptions.add(subscription);
        subscriptions.flush();
        return subscription;
    }

    /** The subscription, if the subscriber owns it (another's is as absent as one that never existed). */
    public Optional<WebhookSubscription> find(Subscriber subscriber, UUID id) {
        return subscriptions.find(id).filter(subscriber::owns);
    }

    /** An admin: every subscription of the clinic; a partner: its own. */
    public Page<WebhookSubscription> list(Subscriber subscriber, PageQuery page) {
        return subscriptions.page(subscriber.clinicId(), subscriber.partnerId(), page);
    }

    public WebhookSubscription update(Subscriber subscriber, UUID id, long expectedVersion, SubscriptionChange change) {
        WebhookSubscription subscription = find(subscriber, id).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        ETags.checkCurrent(expectedVersion, subscription.version);
        checkEventTypes(change.eventTypes());
        subscription.url = checkTarget(change.url());
        subscription.eventTypes = String.join(",", new LinkedHashSet<>(change.eventTypes()));
        subscription.description = change.description();
        subscription.active = change.active();
        subscriptions.flush();
        return subscription;
    }

    /**
     * A new Standard Webhooks secret for the subscription (returned once, by the caller's answer); the secret before
     * it keeps signing for {@code notification.webhooks.secret-rotation-overlap} (see {@link WebhookSecrets} for a
     * rotation during a running overlap).
     */
    public WebhookSubscription rotateSecret(Subscriber subscriber, UUID id) {
        WebhookSubscription subscription = find(subscriber, id).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        Instant now = Instant.now(clock);
        boolean overlapping = subscription.secrets().overlapping(now);
        subscription.rotateSecret(StandardWebhookSignature.newSecret(RANDOM), now, config.webhooks().secretRotationOverlap());
        subscriptions.flush();
        LOG.infof("webhook subscription %s: secret rotated by %s; the previous secret (%s) signs until %s%s", subscription.id,
                subscriber.partnerId() == null ? "the clinic's admin" : "partner " + subscriber.partnerId(),
                subscription.previousSecretScheme, subscription.previousSecretUntil,
                overlapping ? " (rotated again within the overlap: the secret before the first rotation stays the previous one)" : "");
        return subscription;
    }

    public boolean delete(Subscriber subscriber, UUID id) {
        return find(subscriber, id).map(s -> {
            subscriptions.remove(s);
            return true;
        }).orElse(false);
    }

    public Page<WebhookDelivery> deliveries(Subscriber subscriber, UUID subscriptionId, String status, PageQuery page) {
        find(subscriber, subscriptionId).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        return deliveryRows.ofSubscription(subscriptionId, status, page);
    }

    public Optional<WebhookDelivery> delivery(Subscriber subscriber, UUID subscriptionId, UUID deliveryId) {
        if (find(subscriber, subscriptionId).isEmpty()) return Optional.empty();
        return deliveryRows.find(deliveryId)
                .filter(d -> d.clinicId.equals(subscriber.clinicId()) && d.subscriptionId.equals(subscriptionId));
    }

    /** Manual redelivery: a dead (or delivered) delivery is sent again at once with a fresh set of attempts. */
    public WebhookDelivery redeliver(Subscriber subscriber, UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery delivery = delivery(subscriber, subscriptionId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery"));
        if (WebhookDelivery.SENDING.equals(delivery.status) || WebhookDelivery.PENDING.equals(delivery.status)) {
            throw ProblemException.conflict("webhook-delivery-in-progress", "The delivery is still pending; it will be retried");
        }
        if (WebhookDelivery.CANCELLED.equals(delivery.status)) {
            throw ProblemException.unprocessable("webhook-delivery-cancelled", WebhookDelivery.NOT_SHARED.equals(delivery.statusReason)
                            ? "The delivery was cancelled: the client does not share with this partner"
                            : "The delivery was cancelled (client erased)")
                    .with("statusReason", delivery.statusReason);
        }
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now(clock);
        delivery.lastError = null;
        deliveryRows.flush();
        return delivery;
    }

    /**
     * Queues an event for every active subscription of its clinic that chose its type (idempotent per event). A
     * partner's subscription gets it only while the client shares with that partner, and only the partner view.
     */
    public int fanOut(UUID clinicId, EventEnvelope event, UUID clientId) {
        String type = event.eventName();
        if (clinicId == null || !EVENT_TYPES.contains(type)) return 0;
        List<WebhookSubscription> active = subscriptions.active(clinicId);
        int queued = 0;
        Instant now = Instant.now(clock);
        String full = null;
        String partnerView = null;
        for (WebhookSubscription subscription : active) {
            if (!subscription.wants(type)) continue;
            String payload;
            if (subscription.partnerOwned()) {
                if (!partners.sharesWith(clinicId, clientId, subscription.ownerPartnerId)) {
                    LOG.debugf("%s %s not queued for subscription %s: client %s does not share with partner %s", type,
                            event.id(), subscription.id, clientId, subscription.ownerPartnerId);
                    continue;
                }
                payload = partnerView == null ? partnerView = body(event, clinicId, true) : partnerView;
            } else {
                payload = full == null ? full = body(event, clinicId, false) : full;
            }
            queued += deliveryRows.queue(subscription.id, clinicId, clientId, event.id(), type, payload, now);
        }
        return queued;
    }

    /** Erasure: deliveries about the client not yet made are cancelled; all lose their content. */
    public int eraseClient(UUID clinicId, UUID clientId) {
        return deliveryRows.eraseClient(clinicId, clientId);
    }

    /**
     * The JSON body a subscriber receives, signed as sent: the event as published (less its secrets, the manage token)
     * for the clinic's own subscriptions, the partner view ({@link PartnerEventView}) for a partner's.
     */
    String body(EventEnvelope event, UUID clinicId, boolean partnerView) {
        ObjectNode body = mapper.createObjectNode();
        body.put("id", event.id().toString());
        body.put("type", event.eventName());
        body.put("occurredAt", event.time().toString());
        body.put("clinicId", clinicId.toString());
        if (!partnerView || PartnerEventView.of(event.eventName()).subject()) {
            body.put("subject", event.subject());
        }
        body.set("data", partnerView ? PartnerEventView.data(event.eventName(), event.data())
                : PartnerEventView.clinicData(event.data()));
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String checkTarget(String url) {
        try {
            return guards.guard().check(url).toString();
        } catch (WebhookTargetGuard.TargetRefused e) {
            throw ProblemException.unprocessable("webhook-target-not-allowed", e.getMessage()).with("url", url);
        }
    }

    private static void checkEventTypes(List<String> eventTypes) {
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!EVENT_TYPES.contains(eventTypes.get(i))) {
                throw ProblemException.invalidField("eventTypes[" + i + "]",
                        "unknown event type; one of " + EVENT_TYPES.stream().sorted().toList());
            }
        }
    }
}
