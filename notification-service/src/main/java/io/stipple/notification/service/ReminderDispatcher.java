package io.stipple.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientKey;
import io.stipple.notification.domain.ReminderPlanner;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.SuppressionReason;
import io.stipple.notification.domain.Zones;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends due reminders. One round: claim a batch of due rows with {@code FOR UPDATE SKIP LOCKED} (marking
 * them SENDING with a lease, in one statement, so no other dispatcher — in this or another replica — can
 * take them), send them concurrently, record each outcome. A transient failure goes back to SCHEDULED
 * with exponential backoff (outside quiet hours); a dispatcher that dies mid-send leaves a lease that
 * expires, and the reminder is sent again with the same dedupe key.
 *
 * <p>The background {@link DispatcherLoop} runs rounds continuously; tests call {@link #runOnce()}.
 * Plain JDBC: the hot path of the benchmark, kept free of ORM overhead.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    PolicyService policies;

    @Inject
    TemplateRenderer templates;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    private volatile Map<Channel, ChannelSender> byChannel;

    /** A claimed reminder. */
    record Claimed(UUID id, UUID clinicId, UUID clientId, ReminderType type, Channel channel, String dedupeKey,
                   ZoneId zone, String locale, String payload, int attempts) {
    }

    /** What the recipient allows, as far as known. */
    record Contact(String firstName, String email, String phone, boolean marketing, List<Channel> optedOut,
                   boolean tips) {
    }

    /** The outcome of one claimed reminder, to be written back. */
    record Outcome(Claimed reminder, ReminderStatus status, String reason, String recipient, String providerMessageId,
                   String error, Instant nextAttemptAt) {
        Outcome withRecipient(String to) {
            return new Outcome(reminder, status, reason, to, providerMessageId, error, nextAttemptAt);
        }
    }

    /** Runs one round with the configured batch size; returns how many reminders it handled. */
    public int runOnce() {
        return runOnce(config.dispatcher().batchSize());
    }

    public int runOnce(int batchSize) {
        // the one named path across clinics: due reminders of every clinic, each sent with its own clinic's data
        return Tenancy.acrossClinics("reminder dispatch", () -> round(batchSize));
    }

    private int round(int batchSize) {
        Instant now = Instant.now(clock);
        String claimant = "d-" + UUID.randomUUID();
        try {
            releaseExpiredLeases(now);
            List<Claimed> claimed = claim(now, batchSize, claimant);
            if (claimed.isEmpty()) return 0;
            Map<ClientKey, Contact> contacts = contacts(claimed);
            List<CompletableFuture<Outcome>> pending = new ArrayList<>(claimed.size());
            for (Claimed reminder : claimed) {
                pending.add(handle(reminder, contacts.get(new ClientKey(reminder.clinicId(), reminder.clientId()))));
            }
            List<Outcome> outcomes = await(pending, claimed);
            logFailures(outcomes);
            record(outcomes, claimant, Instant.now(clock));
            return claimed.size();
        } catch (SQLException e) {
            throw new IllegalStateException("dispatch round failed: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<Outcome> handle(Claimed reminder, Contact contact) {
        if (reminder.clientId() == null) {
            return done(reminder, ReminderStatus.CANCELLED, SuppressionReason.CLIENT_ERASED, null);
        }
        if (contact == null) {
            // the client's details have not arrived (yet): retried, failed after the last attempt
            return CompletableFuture.completedFuture(retryOrFail(reminder, SendResult.transientFailure(
                    "no contact details received for the client yet"), SuppressionReason.NO_CONTACT));
        }
        if (contact.optedOut().contains(reminder.channel())) {
            return done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.OPTED_OUT, null);
        }
        if (reminder.type().needsMarketingConsent() && !(contact.marketing() && contact.tips())) {
            return done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.NO_MARKETING_CONSENT, null);
        }
        String recipient = switch (reminder.channel()) {
            case EMAIL -> contact.email();
            case SMS -> contact.phone();
            case PUSH -> reminder.clientId().toString();
        };
        if (recipient == null || recipient.isBlank()) {
            return done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.NO_ADDRESS, null);
        }
        OutgoingMessage message;
        try {
            Map<String, Object> facts = mapper.readValue(reminder.payload(), MAP);
            TemplateRenderer.Rendered rendered = templates.render(reminder.type(), reminder.channel(), reminder.locale(),
                    reminder.zone(), facts, contact.firstName());
            Object clinicName = facts.get("clinicName");
            message = new OutgoingMessage(reminder.id(), reminder.dedupeKey(), reminder.channel(), reminder.type(),
                    reminder.clientId(), recipient, clinicName == null ? null : clinicName.toString(), rendered.subject(),
                    rendered.body());
        } catch (Exception e) {
            LOG.errorf(e, "reminder %s cannot be rendered", reminder.id());
            return CompletableFuture.completedFuture(new Outcome(reminder, ReminderStatus.FAILED, SuppressionReason.REJECTED,
                    recipient, null, "rendering failed: " + e.getMessage(), null));
        }
        ChannelSender sender = sender(reminder.channel());
        CompletableFuture<SendResult> sent;
        try {
            sent = sender.send(message).toCompletableFuture();
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(SendResult.transientFailure(e.toString()));
        }
        return sent.thenApply(result -> switch (result.outcome()) {
            case SENT -> new Outcome(reminder, ReminderStatus.SENT, null, recipient, result.providerMessageId(), null, null);
            case PERMANENT -> new Outcome(reminder, ReminderStatus.FAILED, SuppressionReason.REJECTED, recipient, null,
                    result.error(), null);
            // decided on the dispatcher's thread (it may read the policy): this callback may run on an I/O thread
            case TRANSIENT -> new Outcome(reminder, null, null, recipient, null, result.error(), null);
        });
    }

    private Outcome retryOrFail(Claimed reminder, SendResult result, String exhaustedReason) {
        if (reminder.attempts() >= config.dispatcher().maxAttempts()) {
            return new Outcome(reminder, ReminderStatus.FAILED, exhaustedReason, null, null, result.error(), null);
        }
        Duration backoff = backoff(reminder.attempts());
        Instant earliest = Instant.now(clock).plus(backoff);
        Instant next = new ReminderPlanner(policies.cachedRules(reminder.clinicId())).retryAt(reminder.channel(), earliest,
                reminder.zone());
        return new Outcome(reminder, ReminderStatus.SCHEDULED, null, null, null, result.error(), next);
    }

    /** Backoff before attempt {@code attempts + 1}: base × 2^(attempts − 1), capped. */
    Duration backoff(int attempts) {
        Duration base = config.dispatcher().retryBackoff();
        Duration cap = config.dispatcher().retryBackoffCap();
        int shift = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = base.multipliedBy(1L << shift);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static CompletableFuture<Outcome> done(Claimed reminder, ReminderStatus status, String reason, String error) {
        return CompletableFuture.completedFuture(new Outcome(reminder, status, reason, null, null, error, null));
    }

    private List<Outcome> await(List<CompletableFuture<Outcome>> pending, List<Claimed> claimed) {
        long deadline = System.nanoTime() + config.dispatcher().sendTimeout().plusSeconds(5).toNanos();
        List<Outcome> outcomes = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            CompletableFuture<Outcome> future = pending.get(i);
            try {
                Outcome outcome = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (outcome.status() == null) { // transient failure
                    outcome = retryOrFail(outcome.reminder(), SendResult.transientFailure(outcome.error()),
                            SuppressionReason.ATTEMPTS_EXHAUSTED).withRecipient(outcome.recipient());
                }
                outcomes.add(outcome);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(retryOrFail(claimed.get(i), SendResult.transientFailure("interrupted"), SuppressionReason.ATTEMPTS_EXHAUSTED));
            } catch (Exception e) {
                outcomes.add(retryOrFail(claimed.get(i), SendResult.transientFailure("send did not complete: " + e),
                        SuppressionReason.ATTEMPTS_EXHAUSTED));
            }
        }
        return outcomes;
    }

    /** One line per round for the on-call engineer: how many failed, and the first reason. */
    private static void logFailures(List<Outcome> outcomes) {
        List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
        if (!failed.isEmpty()) {
            Outcome first = failed.get(0);
            LOG.warnf("%d of %d reminder(s) not sent this round (first: %s %s on %s: %s)", failed.size(), outcomes.size(),
                    first.reminder().id(), first.status(), first.reminder().channel(), first.error());
        }
    }

    private void releaseExpiredLeases(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     update scheduled_reminder set status = 'SCHEDULED', claimed_by = null, claimed_until = null
                     where status = 'SENDING' and claimed_until < ?""")) {
            statement.setTimestamp(1, Timestamp.from(now));
            int released = statement.executeUpdate();
            if (released > 0) {
                LOG.warnf("%d reminder claim(s) expired (a dispatcher died mid-send?): they will be sent again", released);
            }
        }
    }

    /** Claims due reminders in one statement: locked rows of other dispatchers are skipped, not waited for. */
    List<Claimed> claim(Instant now, int batchSize, String claimant) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     with due as (
                         select id from scheduled_reminder
                         where status = 'SCHEDULED' and next_attempt_at <= ?
                         order by next_attempt_at
                         limit ?
                         for update skip locked)
                     update scheduled_reminder r
                        set status = 'SENDING', claimed_by = ?, claimed_until = ?, attempts = r.attempts + 1,
                            last_attempt_at = ?, updated_at = ?
                       from due where r.id = due.id
                     returning r.id, r.clinic_id, r.client_id, r.type, r.channel, r.dedupe_key, r.zone, r.locale,
                               r.payload::text, r.attempts""")) {
            Timestamp at = Timestamp.from(now);
            statement.setTimestamp(1, at);
            statement.setInt(2, batchSize);
            statement.setString(3, claimant);
            statement.setTimestamp(4, Timestamp.from(now.plus(config.dispatcher().lease())));
            statement.setTimestamp(5, at);
            statement.setTimestamp(6, at);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            ReminderType.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), rs.getString(6),
                            Zones.orUtc(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getInt(10)));
                }
            }
        }
        return claimed;
    }

    /** The contact and choices of each claimed reminder's client, as its own clinic knows them (never another's). */
    private Map<ClientKey, Contact> contacts(List<Claimed> claimed) throws SQLException {
        Map<ClientKey, Contact> contacts = new HashMap<>();
        List<ClientKey> keys = claimed.stream().filter(r -> r.clientId() != null)
                .map(r -> new ClientKey(r.clinicId(), r.clientId())).distinct().toList();
        if (keys.isEmpty()) return contacts;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select c.clinic_id, c.client_id, c.first_name, c.email, c.phone, (c.marketing_opt_in or c.marketing_consent),
                            p.opted_out_channels, coalesce(p.maintenance_tips, true)
                     from unnest(?::uuid[], ?::uuid[]) as k(clinic_id, client_id)
                     join client_contact c on c.clinic_id = k.clinic_id and c.client_id = k.client_id
                     left join client_preference p on p.clinic_id = c.clinic_id and p.client_id = c.client_id""")) {
            statement.setArray(1, connection.createArrayOf("uuid", keys.stream().map(k -> k.clinicId).toArray()));
            statement.setArray(2, connection.createArrayOf("uuid", keys.stream().map(k -> k.clientId).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    contacts.put(new ClientKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), new Contact(
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), Channel.parseList(rs.getString(7)),
                            rs.getBoolean(8)));
                }
            }
        }
        return contacts;
    }

    /** Writes the round's outcomes in one transaction; a row whose claim was taken over meanwhile is left alone. */
    private void record(List<Outcome> outcomes, String claimant, Instant now) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    update scheduled_reminder set status = ?, status_reason = ?, next_attempt_at = coalesce(?, next_attempt_at),
                        recipient = case when client_id is null then null else coalesce(?, recipient) end,
                        provider_message_id = coalesce(?, provider_message_id), last_error = ?, sent_at = ?,
                        updated_at = ?, claimed_by = null, claimed_until = null
                    where id = ? and status = 'SENDING' and claimed_by = ?""")) {
                Timestamp at = Timestamp.from(now);
                for (Outcome outcome : outcomes) {
                    statement.setString(1, outcome.status().name());
                    statement.setString(2, outcome.reason());
                    statement.setTimestamp(3, outcome.nextAttemptAt() == null ? null : Timestamp.from(outcome.nextAttemptAt()));
                    statement.setString(4, outcome.recipient());
                    statement.setString(5, outcome.providerMessageId());
                    statement.setString(6, outcome.error());
                    statement.setTimestamp(7, outcome.status() == ReminderStatus.SENT ? at : null);
                    statement.setTimestamp(8, at);
                    statement.setObject(9, outcome.reminder().id());
                    statement.setString(10, claimant);
                    statement.addBatch();
                    counts.merge(outcome.status().name() + "|" + outcome.reminder().channel().name(), 1, Integer::sum);
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
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            meters.counter("notification.reminders", "status", parts[0], "channel", parts[1]).increment(count);
        });
    }

    private ChannelSender sender(Channel channel) {
        if (byChannel == null) {
            Map<Channel, ChannelSender> map = new EnumMap<>(Channel.class);
            for (ChannelSender sender : senders) map.put(sender.channel(), sender);
            byChannel = map;
        }
        return byChannel.get(channel);
    }
}
