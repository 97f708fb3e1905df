package io.stipple.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.StandardWebhookSignature;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSignature;
import io.stipple.notification.domain.WebhookTargetGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.notification.repository.JdbcFailure;
import io.stipple.notification.repository.WebhookDeliveryRepository;
import io.stipple.notification.repository.WebhookDeliveryRepository.Claimed;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.WorkRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers queued partner webhooks: claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, posts the
 * stored body signed the Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature},
 * see {@link StandardWebhookSignature}) with the subscription's secrets (the previous one too during a rotation's
 * overlap) and with the deprecated {@code Stipple-Signature: t=..,v1=..}, and on
 * failure retries with exponential backoff up to a cap; after the last attempt the delivery is dead
 * until someone redelivers it. The target is checked again before each attempt (SSRF guard).
 *
 * <p>A partner's subscription is checked once more just before sending: a delivery about a client who no longer
 * shares with that partner (or whose partner is no longer active) is not sent but {@code CANCELLED} with reason
 * {@code NOT_SHARED}, never retried — so a withdrawal also stops what was already queued.
 *
 * <p>Rounds run on the one named cross-clinic path ({@code Tenancy.acrossClinics("webhook dispatch", ..)}); the round
 * itself (release, claim, send, wait, record) is the platform's {@link WorkRound}, this class the deliveries' part:
 * the sharing check, "send one" (the signed POST) and what a result means (retries with the platform's capped
 * {@link Backoff}). The claims and writes are the {@link WebhookDeliveryRepository}'s plain JDBC (the platform's
 * {@code LeasedQueue}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    HttpChannels http;

    @Inject
    WebhookGuardProducer guards;

    @Inject
    MeterRegistry meters;

    @Inject
    PartnerDirectory partners;

    private final Deliveries work = new Deliveries();

    /** The outcome of one attempt; {@code cancelReason} set: not sent and never will be. */
    record Result(Claimed delivery, Integer statusCode, String error, String cancelReason) {
        Result(Claimed delivery, Integer statusCode, String error) {
            this(delivery, statusCode, error, null);
        }

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** One round; returns how many deliveries it handled (attempted or cancelled). */
    public int runOnce() {
        // the one named path across clinics: due deliveries of every clinic's subscriptions
        return Tenancy.acrossClinics("webhook dispatch", () -> {
            try {
                return WorkRound.run(work, config.webhooks().batchSize(), clock);
            } catch (JdbcFailure e) {
                throw new IllegalStateException("webhook round failed: " + e.getCause().getMessage(), e.getCause());
            }
        });
    }

    /** The deliveries as the platform's leased work: the sharing check before sending, "send one" (a signed POST). */
    private final class Deliveries implements WorkRound.Work<Claimed, Claimed, Result, Result> {

        @Override
        public void releaseExpired(Instant now) {
            deliveries.releaseExpiredLeases(now);
        }

        /** Six times the longest a POST may take. */
        @Override
        public Duration lease() {
            return config.webhooks().timeout().multipliedBy(6);
        }

        @Override
        public List<Claimed> claim(Claim claim, int batchSize) {
            return deliveries.claim(claim, batchSize);
        }

        @Override
        public void prepare(List<Claimed> claimed, Claim claim, List<Result> done, List<Claimed> ready) {
            Set<UUID> notShared = notShared(claimed);
            for (Claimed delivery : claimed) {
                if (notShared.contains(delivery.id())) {
                    LOG.infof("webhook delivery %s cancelled: client %s does not share with partner %s (any more)", delivery.id(),
                            delivery.clientId(), delivery.ownerPartnerId());
                    done.add(new Result(delivery, null, "the client does not share with the subscription's partner",
                            WebhookDelivery.NOT_SHARED));
                } else {
                    ready.add(delivery);
                }
            }
        }

        /** Send one: the signed POST, stamped with the round's time. */
        @Override
        public CompletableFuture<Result> send(Claimed delivery) {
            return post(delivery, Instant.now(clock));
        }

        /** A POST that could not even be built fails the round, as before: the lease brings the rows back. */
        @Override
        public Result notHandedOver(Claimed delivery, RuntimeException failure) {
            throw failure;
        }

        @Override
        public Result unanswered(Claimed delivery, Exception failure) {
            return failure instanceof InterruptedException
                    ? new Result(delivery, null, "interrupted")
                    : new Result(delivery, null, "no answer: " + failure);
        }

        @Override
        public Duration answerWithin() {
            return config.webhooks().timeout().plusSeconds(5);
        }

        @Override
        public Result decide(Claimed delivery, Result answer) {
            return answer;
        }

        @Override
        public void record(List<Result> results, Claim claim, Instant now) {
            WebhookDispatcher.this.record(results, now);
        }
    }

    /**
     * The claimed deliveries of partner subscriptions whose client does not (or no longer) share with that partner,
     * asked of the partner directory just before sending.
     */
    private Set<UUID> notShared(List<Claimed> claimed) {
        List<Claimed> partnerOwned = claimed.stream().filter(d -> d.ownerPartnerId() != null).toList();
        if (partnerOwned.isEmpty()) return Set.of();
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> refused = new HashSet<>();
            for (Claimed delivery : partnerOwned) {
                if (!partners.sharesWith(delivery.clinicId(), delivery.clientId(), delivery.ownerPartnerId())) {
                    refused.add(delivery.id());
                }
            }
            return refused;
        });
    }

    private CompletableFuture<Result> post(Claimed delivery, Instant now) {
        if (!delivery.active()) {
            return CompletableFuture.completedFuture(new Result(delivery, null, "subscription is inactive"));
        }
        URI target;
        try {
            target = guards.guard().check(delivery.url());
        } catch (WebhookTargetGuard.TargetRefused e) {
            return CompletableFuture.completedFuture(new Result(delivery, null, "target refused: " + e.getMessage()));
        }
        long timestamp = now.getEpochSecond();
        String messageId = delivery.id().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stipple-Webhooks/1")
                // Standard Webhooks: the message id is the delivery's, the same on every retry and redelivery
                .header(StandardWebhookSignature.ID, messageId)
                .header(StandardWebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header("Stipple-Event-Id", delivery.eventId().toString())
                .header("Stipple-Event-Type", delivery.eventType())
                .header("Stipple-Delivery-Id", messageId)
                .header("Stipple-Delivery-Attempt", Integer.toString(delivery.attempts()))
                // deprecated, kept for one version: every secret that signs now, the new one first
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secrets().legacySigning(now), timestamp,
                        delivery.payload()));
        List<String> standard = delivery.secrets().standardSigning(now);
        if (!standard.isEmpty()) {
            // a legacy secret alone (never rotated since Standard Webhooks signing came) signs only Stipple-Signature
            request.header(StandardWebhookSignature.SIGNATURE,
                    StandardWebhookSignature.header(standard, messageId, timestamp, delivery.payload()));
        }
        return http.client().sendAsync(request.POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Result(delivery, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(failure -> new Result(delivery, null,
                        String.valueOf(failure.getCause() != null ? failure.getCause() : failure)));
    }

    /** Pause before attempt {@code attempts + 1}: base × 2^(attempts − 1), capped. */
    Duration backoff(int attempts) {
        return new Backoff(config.webhooks().backoff(), config.webhooks().backoffCap()).after(attempts);
    }

    private void record(List<Result> results, Instant now) {
        List<WebhookDeliveryRepository.Recorded> rows = new ArrayList<>(results.size());
        for (Result result : results) {
            String status;
            Instant next = now;
            if (result.cancelReason() != null) {
                status = WebhookDelivery.CANCELLED;
            } else if (result.delivered()) {
                status = WebhookDelivery.DELIVERED;
            } else if (result.delivery().attempts() >= config.webhooks().maxAttempts() || !result.delivery().active()) {
                status = WebhookDelivery.DEAD;
                LOG.warnf("webhook delivery %s is dead after %d attempt(s): %s", result.delivery().id(),
                        result.delivery().attempts(), result.error());
            } else {
                status = WebhookDelivery.PENDING;
                next = now.plus(backoff(result.delivery().attempts()));
            }
            rows.add(new WebhookDeliveryRepository.Recorded(result.delivery().id(), status, next, result.statusCode(),
                    result.error(), result.delivered(), result.cancelReason()));
            meters.counter("notification.webhooks", "status", status).increment();
        }
        deliveries.record(rows, now);
    }
}
