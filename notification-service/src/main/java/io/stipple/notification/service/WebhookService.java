package io.stipple.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.notification.domain.WebhookTargetGuard;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Partner webhook subscriptions of a clinic, the fan-out of events to them and their delivery log. */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Event types a partner may subscribe to. */
    public static final Set<String> EVENT_TYPES = Set.of("BookingConfirmed", "BookingRescheduled", "BookingCancelled",
            "BookingNoShow", "SessionCompleted", "PhotoPublished", "PhotoWithdrawn");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    WebhookGuardProducer guards;

    public WebhookSubscription create(UUID clinicId, String url, List<String> eventTypes, String description, String by) {
        checkEventTypes(eventTypes);
        String target = checkTarget(url);
        long existing = WebhookSubscription.count("clinicId", clinicId);
        if (existing >= config.webhooks().maxSubscriptionsPerClinic()) {
            throw ProblemException.unprocessable("webhook-subscription-limit",
                    "A clinic may hold at most " + config.webhooks().maxSubscriptionsPerClinic() + " webhook subscriptions");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.clinicId = clinicId;
        subscription.url = target;
        subscription.secret = newSecret();
        subscription.eventTypes = String.join(",", new LinkedHashSet<>(eventTypes));
        subscription.description = description;
        subscription.createdBy = by;
        subscription.createdAt = Instant.now(clock);
        subscription.persist();
        em.flush();
        return subscription;
    }

    public Optional<WebhookSubscription> find(UUID clinicId, UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).filter(s -> s.clinicId.equals(clinicId));
    }

    public Page<WebhookSubscription> list(UUID clinicId, PageQuery page) {
        var query = WebhookSubscription.<WebhookSubscription>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public WebhookSubscription update(UUID clinicId, UUID id, long expectedVersion, String url, List<String> eventTypes,
                                      String description, boolean active) {
        WebhookSubscription subscription = find(clinicId, id).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        ETags.checkCurrent(expectedVersion, subscription.version);
        checkEventTypes(eventTypes);
        subscription.url = checkTarget(url);
        subscription.eventTypes = String.join(",", new LinkedHashSet<>(eventTypes));
        subscription.description = description;
        subscription.active = active;
        em.flush();
        return subscription;
    }

    public boolean delete(UUID clinicId, UUID id) {
        return find(clinicId, id).map(s -> {
            s.delete();
            return true;
        }).orElse(false);
    }

    public Page<WebhookDelivery> deliveries(UUID clinicId, UUID subscriptionId, String status, PageQuery page) {
        find(clinicId, subscriptionId).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by createdAt, id", subscriptionId)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2 order by createdAt, id", subscriptionId, status);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public Optional<WebhookDelivery> delivery(UUID clinicId, UUID subscriptionId, UUID deliveryId) {
        return WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(d -> d.clinicId.equals(clinicId) && d.subscriptionId.equals(subscriptionId));
    }

    /** Manual redelivery: a dead (or delivered) delivery is sent again at once with a fresh set of attempts. */
    public WebhookDelivery redeliver(UUID clinicId, UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery delivery = delivery(clinicId, subscriptionId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery"));
        if (WebhookDelivery.SENDING.equals(delivery.status) || WebhookDelivery.PENDING.equals(delivery.status)) {
            throw ProblemException.conflict("webhook-delivery-in-progress", "The delivery is still pending; it will be retried");
        }
        if (WebhookDelivery.CANCELLED.equals(delivery.status)) {
            throw ProblemException.unprocessable("webhook-delivery-cancelled", "The delivery was cancelled (client erased)");
        }
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now(clock);
        delivery.lastError = null;
        em.flush();
        return delivery;
    }

    /** Queues an event for every active subscription of its clinic that chose its type (idempotent per event). */
    public int fanOut(UUID clinicId, EventEnvelope event, UUID clientId) {
        String type = event.eventName();
        if (clinicId == null || !EVENT_TYPES.contains(type)) return 0;
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("clinicId = ?1 and active = true", clinicId);
        int queued = 0;
        Instant now = Instant.now(clock);
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.wants(type)) continue;
            queued += em.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, clinic_id, client_id, event_id, event_type, payload,
                                status, attempts, next_attempt_at, created_at)
                            values (:id, :subscription, :clinic, :client, :event, :type, :payload, 'PENDING', 0, :now, :now)
                            on conflict (subscription_id, event_id) do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("subscription", subscription.id)
                    .setParameter("clinic", clinicId)
                    .setParameter("client", clientId)
                    .setParameter("event", event.id())
                    .setParameter("type", type)
                    .setParameter("payload", body(event, clinicId))
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return queued;
    }

    /** Erasure: deliveries about the client not yet made are cancelled; all lose their content. */
    public int eraseClient(UUID clientId) {
        return em.createNativeQuery("""
                        update webhook_delivery set
                            status = case when status in ('PENDING', 'DEAD') then 'CANCELLED' else status end,
                            payload = '{}', client_id = null, last_error = null
                        where client_id = :client""")
                .setParameter("client", clientId)
                .executeUpdate();
    }

    /** The JSON body partners receive; signed as sent. */
    String body(EventEnvelope event, UUID clinicId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("id", event.id().toString());
        body.put("type", event.eventName());
        body.put("occurredAt", event.time().toString());
        body.put("clinicId", clinicId.toString());
        body.put("subject", event.subject());
        body.set("data", event.data());
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

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
