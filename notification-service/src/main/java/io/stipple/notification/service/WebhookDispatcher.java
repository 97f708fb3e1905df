package io.stipple.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSignature;
import io.stipple.notification.domain.WebhookTargetGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.notification.repository.JdbcFailure;
import io.stipple.notification.repository.WebhookDeliveryRepository;
import io.stipple.notification.repository.WebhookDeliveryRepository.Claimed;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
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
import java.util.concurrent.TimeUnit;

/**
 * Delivers queued partner webhooks: claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, posts the
 * stored body signed with the subscription's secret ({@code Stipple-Signature: t=..,v1=..}), and on
 * failure retries with exponential backoff up to a cap; after the last attempt the delivery is dead
 * until someone redelivers it. The target is checked again before each attempt (SSRF guard).
 *
 * <p>A partner's subscription is checked once more just before sending: a delivery about a client who no longer
 * shares with that partner (or whose partner is no longer active) is not sent but {@code CANCELLED} with reason
 * {@code NOT_SHARED}, never retried — so a withdrawal also stops what was already queued.
 *
 * <p>Rounds run on the one named cross-clinic path ({@code Tenancy.acrossClinics("webhook dispatch", ..)}); the
 * claims and writes are the {@link WebhookDeliveryRepository}'s plain JDBC.
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
        return Tenancy.acrossClinics("webhook dispatch", this::round);
    }

    private int round() {
        Instant now = Instant.now(clock);
        try {
            releaseExpiredLeases(now);
            List<Claimed> claimed = claim(now);
            if (claimed.isEmpty()) return 0;
            Set<UUID> notShared = notShared(claimed);
            List<CompletableFuture<Result>> pending = new ArrayList<>();
            for (Claimed delivery : claimed) {
                if (notShared.contains(delivery.id())) {
                    LOG.infof("webhook delivery %s cancelled: client %s does not share with partner %s (any more)", delivery.id(),
                            delivery.clientId(), delivery.ownerPartnerId());
                    pending.add(CompletableFuture.completedFuture(new Result(delivery, null,
                            "the client does not share with the subscription's partner", WebhookDelivery.NOT_SHARED)));
                } else {
                    pending.add(post(delivery, now));
                }
            }
            List<Result> results = new ArrayList<>();
            long deadline = System.nanoTime() + config.webhooks().timeout().plusSeconds(5).toNanos();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    results.add(pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(new Result(claimed.get(i), null, "interrupted"));
                } catch (Exception e) {
                    results.add(new Result(claimed.get(i), null, "no answer: " + e));
                }
            }
            record(results, Instant.now(clock));
            return claimed.size();
        } catch (JdbcFailure e) {
            throw new IllegalStateException("webhook round failed: " + e.getCause().getMessage(), e.getCause());
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
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stipple-Webhooks/1")
                .header("Stipple-Event-Id", delivery.eventId().toString())
                .header("Stipple-Event-Type", delivery.eventType())
                .header("Stipple-Delivery-Id", delivery.id().toString())
                .header("Stipple-Delivery-Attempt", Integer.toString(delivery.attempts()))
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now.getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Result(delivery, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(failure -> new Result(delivery, null,
                        String.valueOf(failure.getCause() != null ? failure.getCause() : failure)));
    }

    /** Pause before attempt {@code attempts + 1}: base × 2^(attempts − 1), capped. */
    Duration backoff(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = config.webhooks().backoff().multipliedBy(1L << shift);
        return wait.compareTo(config.webhooks().backoffCap()) > 0 ? config.webhooks().backoffCap() : wait;
    }

    private void releaseExpiredLeases(Instant now) {
        deliveries.releaseExpiredLeases(now);
    }

    private List<Claimed> claim(Instant now) {
        return deliveries.claim(now, config.webhooks().batchSize(), now.plus(config.webhooks().timeout().multipliedBy(6)));
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
