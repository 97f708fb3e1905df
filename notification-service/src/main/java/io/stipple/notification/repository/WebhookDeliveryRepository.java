package io.stipple.notification.repository;

import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSecrets;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.LeasedQueue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.stipple.platform.work.LeasedQueue.timestamp;

/**
 * Webhook deliveries (the webhook delivery log). The service's statements run inside the caller's transaction; the
 * dispatcher's lease release, claims and outcome writes are plain JDBC on their own connections, each committed on
 * its own.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private LeasedQueue queue;

    @PostConstruct
    void init() {
        queue = new LeasedQueue(dataSource, JdbcFailure::new);
    }

    public Optional<WebhookDelivery> find(UUID id) {
        return WebhookDelivery.findByIdOptional(id);
    }

    /** A page of the subscription's deliveries (of one status, or any when null), oldest first. */
    public Page<WebhookDelivery> ofSubscription(UUID subscriptionId, String status, PageQuery page) {
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by createdAt, id", subscriptionId)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2 order by createdAt, id", subscriptionId, status);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** Every delivery about the client in the clinic (export), oldest first. */
    public List<WebhookDelivery> ofClient(UUID clinicId, UUID clientId) {
        return WebhookDelivery.list("clinicId = ?1 and clientId = ?2 order by createdAt, id", clinicId, clientId);
    }

    /** Writes pending changes of the caller's transaction now (version checks, constraints). */
    public void flush() {
        em.flush();
    }

    /** Queues the event for the subscription unless it is queued already (per subscription and event); 1 if queued. */
    public int queue(UUID subscriptionId, UUID clinicId, UUID clientId, UUID eventId, String eventType, String payload, Instant now) {
        return em.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, clinic_id, client_id, event_id, event_type, payload,
                            status, attempts, next_attempt_at, created_at)
                        values (:id, :subscription, :clinic, :client, :event, :type, :payload, 'PENDING', 0, :now, :now)
                        on conflict (subscription_id, event_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("subscription", subscriptionId)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("event", eventId)
                .setParameter("type", eventType)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Erasure: deliveries about the client not yet made are cancelled; all lose their content. */
    public int eraseClient(UUID clinicId, UUID clientId) {
        return em.createNativeQuery("""
                        update webhook_delivery set
                            status_reason = case when status in ('PENDING', 'DEAD') then 'CLIENT_ERASED' else status_reason end,
                            status = case when status in ('PENDING', 'DEAD') then 'CANCELLED' else status end,
                            payload = '{}', client_id = null, last_error = null
                        where clinic_id = :clinic and client_id = :client""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .executeUpdate();
    }

    // --- the dispatcher's statements: the platform's LeasedQueue (plain JDBC, each committed on its own) ---

    /** The claim: due PENDING deliveries become SENDING, with what posting them needs of their subscription. */
    private static final LeasedQueue.Claiming CLAIM = new LeasedQueue.Claiming("webhook_delivery", "PENDING", "",
            "webhook_subscription s", "s.id = w.subscription_id",
            "w.id, w.clinic_id, w.client_id, s.owner_partner_id, w.event_id, w.event_type, w.payload, w.attempts, s.url, "
                    + "s.secret, s.active, s.secret_scheme, s.previous_secret, s.previous_secret_scheme, s.previous_secret_until");

    /** A claimed delivery with what posting it needs of its subscription (its signing secrets among them). */
    public record Claimed(UUID id, UUID clinicId, UUID clientId, String ownerPartnerId, UUID eventId, String eventType,
                          String payload, int attempts, String url, WebhookSecrets secrets, boolean active) {
        @Override
        public String toString() {
            return "Claimed[" + id + ", " + eventType + ", attempt " + attempts + ", " + secrets + "]";
        }
    }

    /** What one attempt leaves on the delivery. */
    public record Recorded(UUID id, String status, Instant nextAttemptAt, Integer statusCode, String error,
                           boolean delivered, String cancelReason) {
    }

    /** Claims whose lease ran out (their dispatcher died) are pending again. */
    public void releaseExpiredLeases(Instant now) {
        queue.update("""
                update webhook_delivery set status = 'PENDING', claimed_until = null
                where status = 'SENDING' and claimed_until < ?""",
                (connection, statement) -> statement.setTimestamp(1, timestamp(now)));
    }

    /** Claims due deliveries in one statement: locked rows of other dispatchers are skipped, not waited for. */
    public List<Claimed> claim(Claim claim, int batchSize) {
        return queue.claim(CLAIM, claim, batchSize, rs -> new Claimed(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                new WebhookSecrets(rs.getString(10), WebhookSecrets.Scheme.valueOf(rs.getString(12)), rs.getString(13),
                        scheme(rs.getString(14)), instant(rs.getObject(15, OffsetDateTime.class))), rs.getBoolean(11)));
    }

    private static WebhookSecrets.Scheme scheme(String name) {
        return name == null ? null : WebhookSecrets.Scheme.valueOf(name);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** Writes a round's outcomes in one transaction; a row no longer SENDING is left alone. */
    public void record(List<Recorded> results, Instant now) {
        Timestamp at = timestamp(now);
        queue.batch("""
                update webhook_delivery set status = ?, next_attempt_at = ?, claimed_until = null, last_status_code = ?,
                    last_error = ?, delivered_at = ?, status_reason = ?
                where id = ? and status = 'SENDING'""", results, (statement, result) -> {
            statement.setString(1, result.status());
            statement.setTimestamp(2, timestamp(result.nextAttemptAt()));
            if (result.statusCode() == null) statement.setNull(3, Types.INTEGER);
            else statement.setInt(3, result.statusCode());
            statement.setString(4, result.error() == null ? null
                    : result.error().length() > 900 ? result.error().substring(0, 900) : result.error());
            statement.setTimestamp(5, result.delivered() ? at : null);
            statement.setString(6, result.cancelReason());
            statement.setObject(7, result.id());
        });
    }
}
