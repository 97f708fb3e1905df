package io.stipple.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSignature;
import io.stipple.notification.domain.WebhookTargetGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * <p>Rounds run on the one named cross-clinic path ({@code Tenancy.acrossClinics("webhook dispatch", ..)}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    DataSource dataSource;

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

    record Claimed(UUID id, UUID clinicId, UUID clientId, String ownerPartnerId, UUID eventId, String eventType,
                   String payload, int attempts, String url, String secret, boolean active) {
    }

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
        } catch (SQLException e) {
            throw new IllegalStateException("webhook round failed: " + e.getMessage(), e);
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

    private void releaseExpiredLeases(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     update webhook_delivery set status = 'PENDING', claimed_until = null
                     where status = 'SENDING' and claimed_until < ?""")) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.executeUpdate();
        }
    }

    private List<Claimed> claim(Instant now) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     with due as (
                         select id from webhook_delivery
                         where status = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at
                         limit ?
                         for update skip locked)
                     update webhook_delivery d
                        set status = 'SENDING', claimed_until = ?, attempts = d.attempts + 1, last_attempt_at = ?
                       from due, webhook_subscription s
                      where d.id = due.id and s.id = d.subscription_id
                     returning d.id, d.clinic_id, d.client_id, s.owner_partner_id, d.event_id, d.event_type, d.payload, d.attempts,
                               s.url, s.secret, s.active""")) {
            Timestamp at = Timestamp.from(now);
            statement.setTimestamp(1, at);
            statement.setInt(2, config.webhooks().batchSize());
            statement.setTimestamp(3, Timestamp.from(now.plus(config.webhooks().timeout().multipliedBy(6))));
            statement.setTimestamp(4, at);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getInt(8),
                            rs.getString(9), rs.getString(10), rs.getBoolean(11)));
                }
            }
        }
        return claimed;
    }

    private void record(List<Result> results, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    update webhook_delivery set status = ?, next_attempt_at = ?, claimed_until = null, last_status_code = ?,
                        last_error = ?, delivered_at = ?, status_reason = ?
                    where id = ? and status = 'SENDING'""")) {
                Timestamp at = Timestamp.from(now);
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
                    statement.setString(1, status);
                    statement.setTimestamp(2, Timestamp.from(next));
                    if (result.statusCode() == null) statement.setNull(3, java.sql.Types.INTEGER);
                    else statement.setInt(3, result.statusCode());
                    statement.setString(4, result.error() == null ? null
                            : result.error().length() > 900 ? result.error().substring(0, 900) : result.error());
                    statement.setTimestamp(5, result.delivered() ? at : null);
                    statement.setString(6, result.cancelReason());
                    statement.setObject(7, result.delivery().id());
                    statement.addBatch();
                    meters.counter("notification.webhooks", "status", status).increment();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
