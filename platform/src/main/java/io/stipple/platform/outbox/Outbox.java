package io.stipple.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.events.DomainEvent;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.tracing.TraceContext;
import io.stipple.platform.tracing.Tracing;
import io.stipple.platform.work.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes events to the outbox table inside the caller's transaction. The {@link OutboxRelay} publishes
 * them after commit; a transaction that rolls back leaves nothing to publish.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    Tracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * Adds an event to the outbox in the current transaction.
     *
     * @param topic    the topic it goes to
     * @param clinicId the tenant it belongs to
     * @param subject  what it is about; also the Kafka key (the client id, so a client's events stay in order)
     * @param event    the data
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, UUID clinicId, String subject, DomainEvent event) {
        // the subject's next number: the upsert row-locks the subject until this transaction ends, so a concurrent
        // transaction about the same client waits here, then takes a higher number and a higher outbox id (the
        // relay's order); numbers, ids and commits agree for one client
        long sequence = ((Number) em.createNativeQuery("""
                        insert into outbox_sequence (clinic_id, message_key, last_sequence) values (:clinic, :key, 1)
                        on conflict (clinic_id, message_key)
                            do update set last_sequence = outbox_sequence.last_sequence + 1
                        returning last_sequence""")
                .setParameter("clinic", clinicId)
                .setParameter("key", subject)
                .getSingleResult()).longValue();
        EventEnvelope envelope = new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                UUID.randomUUID(),
                "/stipple/" + serviceName,
                EventEnvelope.typeOf(event.eventName()),
                subject,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                "application/json",
                clinicId,
                sequence,
                event.schemaVersion(),
                Correlation.current(),
                mapper.valueToTree(event));
        String payload;
        try {
            payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventName() + " cannot be serialised", e);
        }
        // the trace of the request or event that publishes it: the relay sends it on, the consumer continues it
        TraceContext trace = tracing.current();
        em.createNativeQuery("""
                        insert into outbox_event (event_id, clinic_id, topic, message_key, event_type, payload, correlation_id, created_at, sequence,
                            trace_parent, trace_state)
                        values (:eventId, :clinicId, :topic, :key, :type, :payload, :correlationId, :createdAt, :sequence,
                            cast(:traceParent as varchar), cast(:traceState as varchar))""")
                .setParameter("traceParent", trace == null ? null : trace.traceparent())
                .setParameter("traceState", trace == null ? null : trace.tracestate())
                .setParameter("sequence", sequence)
                .setParameter("eventId", envelope.id())
                .setParameter("clinicId", clinicId)
                .setParameter("topic", topic)
                .setParameter("key", subject)
                .setParameter("type", envelope.type())
                .setParameter("payload", payload)
                .setParameter("correlationId", envelope.correlationid())
                .setParameter("createdAt", envelope.time())
                .executeUpdate();
        wakeRelayAfterCommit();
        return envelope;
    }

    private void wakeRelayAfterCommit() {
        afterCommit.once(OutboxRelay.class, relay::wake);
    }
}
