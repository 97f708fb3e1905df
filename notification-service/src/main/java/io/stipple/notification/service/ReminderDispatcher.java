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
import io.stipple.notification.repository.ClientContactRepository;
import io.stipple.notification.repository.ClientContactRepository.Reachable;
import io.stipple.notification.repository.JdbcFailure;
import io.stipple.notification.repository.ReminderRepository;
import io.stipple.notification.repository.ReminderRepository.Claimed;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.WorkRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due reminders, each at most once as the recipient sees it. One round:
 * <ol>
 *   <li>claim a batch of due rows with {@code FOR UPDATE SKIP LOCKED} (marking them SENDING with a lease, in one
 *       statement, so no other dispatcher — in this or another replica — can take them);</li>
 *   <li>decide per row without sending: suppressed, cancelled, or held back by the recipient's quiet hours (checked
 *       again now, in the recipient's zone: a backlog after an outage does not go out at night);</li>
 *   <li>record that the rest are being handed to their channel ({@code attempt_started_at}), committed
 *       <em>before</em> anything is sent;</li>
 *   <li>send them concurrently and record each outcome.</li>
 * </ol>
 * A failure that provably happened before anything left is retried with exponential backoff (outside quiet
 * hours). A send whose fate is unknown — a timeout or broken connection after the message was written — is
 * retried only on a channel that deduplicates on the reminder's key (SMS, push); on email it is {@code UNCERTAIN},
 * never sent again automatically. A dispatcher that dies leaves a lease that expires: a row it had not yet handed
 * to the channel is scheduled again; one it had handed over is treated like an uncertain send.
 *
 * <p>The round itself (release, claim, hand over, send, wait, record) is the platform's {@link WorkRound}; this class
 * is the reminders' part of it: what needs no send, "send one", and what each answer means (retries with the
 * platform's capped {@link Backoff}). The background {@link DispatcherLoop} runs rounds continuously; tests call
 * {@link #runOnce()}. The statements are the {@link ReminderRepository}'s and {@link ClientContactRepository}'s plain
 * JDBC (the platform's {@code LeasedQueue}): the hot path of the benchmark, kept free of ORM overhead.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** The send span's attributes: what was sent how, never to whom. */
    static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("stipple.reminder.channel");
    static final AttributeKey<String> TYPE = AttributeKey.stringKey("stipple.reminder.type");
    static final AttributeKey<String> REMINDER_ID = AttributeKey.stringKey("stipple.reminder.id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stipple.reminder.outcome");

    @Inject
    ReminderRepository reminders;

    @Inject
    ClientContactRepository contacts;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    PolicyService policies;

    @Inject
    TemplateRenderer templates;

    @Inject
    MessageLinks links;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracing tracing;

    private volatile Map<Channel, ChannelSender> byChannel;

    private final Reminders work = new Reminders();

    /**
     * The outcome of one claimed reminder, to be written back. {@code deferred}: held back by quiet hours before any
     * attempt, so the claim does not count as one.
     */
    record Outcome(Claimed reminder, ReminderStatus status, String reason, String recipient, String providerMessageId,
                   String error, Instant nextAttemptAt, boolean deferred) {
        Outcome(Claimed reminder, ReminderStatus status, String reason, String recipient, String providerMessageId,
                String error, Instant nextAttemptAt) {
            this(reminder, status, reason, recipient, providerMessageId, error, nextAttemptAt, false);
        }

        Outcome withRecipient(String to) {
            return new Outcome(reminder, status, reason, to, providerMessageId, error, nextAttemptAt, deferred);
        }

        ReminderRepository.Recorded recorded() {
            return new ReminderRepository.Recorded(reminder.id(), status, reason, recipient, providerMessageId, error,
                    nextAttemptAt, deferred);
        }
    }

    /** A reminder ready to be handed to its channel. */
    private record Ready(Claimed reminder, OutgoingMessage message, ChannelSender sender, ZoneId recipientZone) {
    }

    /** Runs one round with the configured batch size; returns how many reminders it handled. */
    public int runOnce() {
        return runOnce(config.dispatcher().batchSize());
    }

    public int runOnce(int batchSize) {
        // the one named path across clinics: due reminders of every clinic, each sent with its own clinic's data
        return Tenancy.acrossClinics("reminder dispatch", () -> {
            try {
                return WorkRound.run(work, batchSize, clock);
            } catch (JdbcFailure e) {
                throw new IllegalStateException("dispatch round failed: " + e.getCause().getMessage(), e.getCause());
            }
        });
    }

    /** The reminders as the platform's leased work: the decisions before sending, "send one", what an answer means. */
    private final class Reminders implements WorkRound.Work<Claimed, Ready, SendResult, Outcome> {

        @Override
        public void releaseExpired(Instant now) {
            releaseExpiredLeases(now);
        }

        @Override
        public Duration lease() {
            return config.dispatcher().lease();
        }

        @Override
        public List<Claimed> claim(Claim claim, int batchSize) {
            return reminders.claim(claim, batchSize);
        }

        @Override
        public void prepare(List<Claimed> claimed, Claim claim, List<Outcome> done, List<Ready> ready) {
            Map<ClientKey, Reachable> contacts = contacts(claimed);
            for (Claimed reminder : claimed) {
                ReminderDispatcher.this.prepare(reminder, contacts.get(new ClientKey(reminder.clinicId(), reminder.clientId())),
                        claim.at(), done, ready);
            }
        }

        /**
         * Marks the attempts of the reminders this claim still holds and returns those; one whose lease ran out since
         * the claim (a pause, a replica whose clock is ahead) may already be another dispatcher's, and is not sent here.
         */
        @Override
        public List<Ready> handingOver(List<Ready> ready, Claim claim) {
            Set<UUID> held = reminders.markAttemptsStarted(ready.stream().map(r -> r.reminder().id()).toList(),
                    claim.claimant(), Instant.now(clock));
            if (held.size() < ready.size()) {
                int lost = ready.size() - held.size();
                LOG.warnf("%d claimed reminder(s) not handed over: the claim's lease ran out before the hand-over "
                        + "(left to whoever holds them now)", lost);
                meters.counter("notification.reminders.claims.lost").increment(lost);
            }
            return ready.stream().filter(r -> held.contains(r.reminder().id())).toList();
        }

        /**
         * Send one: hands the message to its channel (which bounds its own send), in a "reminder send" span of the trace
         * of the event that planned the reminder (kept with it), ended with the channel's answer.
         */
        @Override
        public CompletableFuture<SendResult> send(Ready ready) {
            Claimed reminder = ready.reminder();
            Span span = tracing.start("reminder send", SpanKind.INTERNAL, reminder.trace(), Attributes.of(
                    CHANNEL, reminder.channel().name(), TYPE, reminder.type().name(), REMINDER_ID, reminder.id().toString()));
            CompletableFuture<SendResult> answer;
            try (Scope ignored = span.makeCurrent()) {
                answer = ready.sender().send(ready.message()).toCompletableFuture();
            } catch (RuntimeException e) {
                Tracing.failed(span, e);
                span.end();
                throw e;
            }
            return answer.whenComplete((result, failure) -> {
                if (failure != null) {
                    Tracing.failed(span, failure);
                } else {
                    span.setAttribute(OUTCOME, result.outcome().name());
                    if (result.outcome() != SendResult.Outcome.SENT) {
                        span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, result.outcome().name());
                    }
                }
                span.end();
            });
        }

        @Override
        public SendResult notHandedOver(Ready ready, RuntimeException failure) {
            // thrown before the channel took the message: nothing left
            return SendResult.failedBeforeSending(failure.toString());
        }

        @Override
        public SendResult unanswered(Ready ready, Exception failure) {
            return failure instanceof InterruptedException
                    ? SendResult.uncertain("interrupted while the channel had the message")
                    : SendResult.uncertain("no outcome from the channel within " + answerWithin() + ": " + failure);
        }

        /**
         * A channel completes within send-timeout (email: twice that, waiting for a session first); past this, a
         * missing answer is an unknown outcome.
         */
        @Override
        public Duration answerWithin() {
            return config.dispatcher().sendTimeout().multipliedBy(2).plusSeconds(5);
        }

        @Override
        public Outcome decide(Ready ready, SendResult answer) {
            return ReminderDispatcher.this.decide(ready, answer);
        }

        @Override
        public void record(List<Outcome> outcomes, Claim claim, Instant now) {
            logFailures(outcomes);
            ReminderDispatcher.this.record(outcomes, claim.claimant(), now);
        }
    }

    /** Decides what needs no send (adding its outcome), or renders the message (adding it to {@code ready}). */
    private void prepare(Claimed reminder, Reachable contact, Instant now, List<Outcome> outcomes, List<Ready> ready) {
        if (reminder.clientId() == null) {
            outcomes.add(done(reminder, ReminderStatus.CANCELLED, SuppressionReason.CLIENT_ERASED));
            return;
        }
        if (offerOver(reminder, now)) {
            // a retry, a backlog or a staff resend reached it after the offer ended: an offer nobody can take is not sent
            outcomes.add(done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.OFFER_EXPIRED));
            return;
        }
        if (contact == null) {
            // the client's details have not arrived (yet): retried, failed after the last attempt
            outcomes.add(retryOrFail(reminder, reminder.zone(), "no contact details received for the client yet",
                    SuppressionReason.NO_CONTACT, ReminderStatus.FAILED));
            return;
        }
        if (contact.optedOut().contains(reminder.channel())) {
            outcomes.add(done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.OPTED_OUT));
            return;
        }
        if (reminder.type().needsMarketingConsent() && !(contact.marketing() && contact.tips())) {
            outcomes.add(done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.NO_MARKETING_CONSENT));
            return;
        }
        String recipient = switch (reminder.channel()) {
            case EMAIL -> contact.email();
            case SMS -> contact.phone();
            case PUSH -> reminder.clientId().toString();
        };
        if (recipient == null || recipient.isBlank()) {
            outcomes.add(done(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.NO_ADDRESS));
            return;
        }
        Map<String, Object> facts;
        try {
            facts = mapper.readValue(reminder.payload(), MAP);
        } catch (Exception e) {
            LOG.errorf(e, "reminder %s has an unreadable payload", reminder.id());
            outcomes.add(new Outcome(reminder, ReminderStatus.FAILED, SuppressionReason.REJECTED, recipient, null,
                    "unreadable payload: " + e.getMessage(), null));
            return;
        }
        // quiet hours again, now, where the recipient is: the reminder may be sent long after it fell due
        ZoneId recipientZone = Zones.parse(contact.timeZone()).orElse(reminder.zone());
        Optional<ReminderPlanner.Deferral> quiet = planner(reminder.clinicId())
                .deferral(reminder.channel(), now, recipientZone, deadline(reminder, facts));
        if (quiet.isPresent()) {
            outcomes.add(quiet.get().tooLate()
                    ? new Outcome(reminder, ReminderStatus.SUPPRESSED, SuppressionReason.TOO_LATE, null, null, null, null, true)
                    : new Outcome(reminder, ReminderStatus.SCHEDULED, SuppressionReason.QUIET_HOURS, null, null, null,
                    quiet.get().until(), true));
            return;
        }
        OutgoingMessage message;
        try {
            // the links, filled in now: the manage token is read with the claim (it is kept only with the booking)
            links.manageBooking(reminder.manageToken()).ifPresent(url -> facts.put("manageUrl", url));
            if (reminder.type() == ReminderType.WAITLIST_OFFER) {
                facts.put("offerUrl", links.waitlistOffer(UUID.fromString(String.valueOf(facts.get("offerId")))));
            }
            TemplateRenderer.Rendered rendered = templates.render(reminder.type(), reminder.channel(), reminder.locale(),
                    reminder.zone(), facts, contact.firstName());
            Object clinicName = facts.get("clinicName");
            message = new OutgoingMessage(reminder.id(), reminder.dedupeKey(), reminder.channel(), reminder.type(),
                    reminder.clientId(), recipient, clinicName == null ? null : clinicName.toString(), rendered.subject(),
                    rendered.body());
        } catch (Exception e) {
            LOG.errorf(e, "reminder %s cannot be rendered", reminder.id());
            outcomes.add(new Outcome(reminder, ReminderStatus.FAILED, SuppressionReason.REJECTED, recipient, null,
                    "rendering failed: " + e.getMessage(), null));
            return;
        }
        ready.add(new Ready(reminder, message, sender(reminder.channel()), recipientZone));
    }

    /**
     * An appointment reminder must arrive before the appointment, a waitlist offer before the offer expires; the others
     * have no deadline.
     */
    private static Instant deadline(Claimed reminder, Map<String, Object> facts) {
        String field = switch (reminder.type()) {
            case APPOINTMENT_REMINDER -> "startsAt";
            case WAITLIST_OFFER -> "offerExpiresAt";
            default -> null;
        };
        if (field == null || facts.get(field) == null) return null;
        try {
            return Instant.parse(facts.get(field).toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A waitlist offer's message claimed at or after the offer's expiry. */
    private boolean offerOver(Claimed reminder, Instant now) {
        if (reminder.type() != ReminderType.WAITLIST_OFFER) return false;
        try {
            Instant expires = deadline(reminder, mapper.readValue(reminder.payload(), MAP));
            return expires != null && !now.isBefore(expires);
        } catch (Exception e) {
            return false; // an unreadable payload is reported as such below
        }
    }

    /** What a channel's answer means for the reminder. */
    private Outcome decide(Ready ready, SendResult result) {
        Claimed reminder = ready.reminder();
        String recipient = ready.message().recipient();
        Outcome outcome = switch (result.outcome()) {
            case SENT -> new Outcome(reminder, ReminderStatus.SENT, null, recipient, result.providerMessageId(), null, null);
            case PERMANENT -> new Outcome(reminder, ReminderStatus.FAILED, SuppressionReason.REJECTED, recipient, null,
                    result.error(), null);
            case FAILED_BEFORE_SENDING -> retryOrFail(reminder, ready.recipientZone(), result.error(),
                    SuppressionReason.ATTEMPTS_EXHAUSTED, ReminderStatus.FAILED);
            // only a channel that drops the repeat (same Idempotency-Key) is tried again; the last try stays uncertain
            case UNCERTAIN -> ready.sender().deduplicates()
                    ? retryOrFail(reminder, ready.recipientZone(), result.error(), SuppressionReason.OUTCOME_UNKNOWN,
                    ReminderStatus.UNCERTAIN)
                    : new Outcome(reminder, ReminderStatus.UNCERTAIN, SuppressionReason.OUTCOME_UNKNOWN, null, null,
                    result.error(), null);
        };
        return outcome.withRecipient(recipient);
    }

    private Outcome retryOrFail(Claimed reminder, ZoneId recipientZone, String error, String exhaustedReason,
                                ReminderStatus exhaustedStatus) {
        if (reminder.attempts() >= config.dispatcher().maxAttempts()) {
            return new Outcome(reminder, exhaustedStatus, exhaustedReason, null, null, error, null);
        }
        Instant earliest = Instant.now(clock).plus(backoff(reminder.attempts()));
        Instant next = planner(reminder.clinicId()).retryAt(reminder.channel(), earliest, recipientZone);
        return new Outcome(reminder, ReminderStatus.SCHEDULED, null, null, null, error, next);
    }

    private ReminderPlanner planner(UUID clinicId) {
        return new ReminderPlanner(policies.cachedRules(clinicId));
    }

    /** Backoff before attempt {@code attempts + 1}: base × 2^(attempts − 1), capped. */
    Duration backoff(int attempts) {
        return new Backoff(config.dispatcher().retryBackoff(), config.dispatcher().retryBackoffCap()).after(attempts);
    }

    private static Outcome done(Claimed reminder, ReminderStatus status, String reason) {
        return new Outcome(reminder, status, reason, null, null, null, null);
    }

    /** One line per round for the on-call engineer: how many failed, and the first reason. */
    private static void logFailures(List<Outcome> outcomes) {
        List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
        if (!failed.isEmpty()) {
            Outcome first = failed.get(0);
            LOG.warnf("%d of %d reminder(s) not sent this round (first: %s %s on %s: %s)", failed.size(), outcomes.size(),
                    first.reminder().id(), first.status(), first.reminder().channel(), first.error());
        }
        long uncertain = outcomes.stream().filter(o -> o.status() == ReminderStatus.UNCERTAIN).count();
        if (uncertain > 0) {
            LOG.warnf("%d reminder(s) UNCERTAIN this round: handed to a channel that did not confirm them; not sent again "
                    + "(GET /api/v1/notifications?status=UNCERTAIN)", uncertain);
        }
    }

    /**
     * Claims whose lease ran out (their dispatcher died). One that never reached its channel ({@code
     * attempt_started_at} null) is scheduled again; one that did may have been delivered: sent again only on a
     * channel that deduplicates, {@code UNCERTAIN} otherwise.
     */
    private void releaseExpiredLeases(Instant now) {
        List<String> deduplicating = new ArrayList<>();
        senders().forEach((channel, sender) -> {
            if (sender.deduplicates()) deduplicating.add(channel.name());
        });
        Map<String, Integer> counts = reminders.releaseExpiredLeases(now, deduplicating);
        if (!counts.isEmpty()) {
            LOG.warnf("reminder claim(s) expired (a dispatcher died mid-round?): %s — never handed over: sent again; "
                    + "handed to a channel that does not deduplicate: UNCERTAIN", counts);
            counts.forEach((key, count) -> {
                String[] parts = key.split("\\|");
                if (ReminderStatus.UNCERTAIN.name().equals(parts[0])) {
                    meters.counter("notification.reminders", "status", parts[0], "channel", parts[1]).increment(count);
                }
            });
        }
    }

    /** Claims due reminders in one statement: locked rows of other dispatchers are skipped, not waited for. */
    List<Claimed> claim(Instant now, int batchSize, String claimant) {
        return reminders.claim(Claim.of(claimant, now, config.dispatcher().lease()), batchSize);
    }

    /**
     * The rest of a round over reminders claimed earlier by {@code claimant} at {@code claimedAt} (as a dispatcher that
     * paused after its claim would go on); for tests.
     */
    void finishRound(List<Claimed> claimed, String claimant, Instant claimedAt) {
        Tenancy.acrossClinics("reminder dispatch", () -> WorkRound.finish(work,
                Claim.of(claimant, claimedAt, config.dispatcher().lease()), claimed, clock));
    }

    /** The contact and choices of each claimed reminder's client, as its own clinic knows them (never another's). */
    private Map<ClientKey, Reachable> contacts(List<Claimed> claimed) {
        List<ClientKey> keys = claimed.stream().filter(r -> r.clientId() != null)
                .map(r -> new ClientKey(r.clinicId(), r.clientId())).distinct().toList();
        return contacts.reachable(keys);
    }

    /** Writes the round's outcomes in one transaction; a row whose claim was taken over meanwhile is left alone. */
    private void record(List<Outcome> outcomes, String claimant, Instant now) {
        Map<String, Integer> counts = new HashMap<>();
        for (Outcome outcome : outcomes) {
            counts.merge(outcome.status().name() + "|" + outcome.reminder().channel().name(), 1, Integer::sum);
        }
        reminders.record(outcomes.stream().map(Outcome::recorded).toList(), claimant, now);
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            meters.counter("notification.reminders", "status", parts[0], "channel", parts[1]).increment(count);
        });
    }

    private ChannelSender sender(Channel channel) {
        return senders().get(channel);
    }

    private Map<Channel, ChannelSender> senders() {
        if (byChannel == null) {
            Map<Channel, ChannelSender> map = new EnumMap<>(Channel.class);
            for (ChannelSender sender : senders) map.put(sender.channel(), sender);
            byChannel = map;
        }
        return byChannel;
    }
}
