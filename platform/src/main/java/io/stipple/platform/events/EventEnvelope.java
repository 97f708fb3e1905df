package io.stipple.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every Stipple service publishes it.
 *
 * <p>Extensions: {@code clinicid} (the tenant), {@code subjectsequence} (this event's place among its
 * producer's events about the subject: 1, 2, 3… in commit order; a projection ignores an event whose number is
 * not above the last it applied), {@code schemaversion} (version of {@code data}'s shape) and
 * {@code correlationid}. The Kafka record key is the {@code subject}: the client id, so one
 * client's events stay in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        UUID clinicid,
        Long subjectsequence,
        Integer schemaversion,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "io.stipple.";

    /** The event name without the {@code io.stipple.} prefix, e.g. {@code SessionCompleted}. */
    public String eventName() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    /** The full CloudEvents type for an event name. */
    public static String typeOf(String eventName) {
        return TYPE_PREFIX + eventName;
    }

    /** Checks the attributes CloudEvents and Stipple require; throws {@link InvalidEventException}. */
    public EventEnvelope validate() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("specversion must be 1.0 but was " + specversion);
        }
        if (id == null) throw new InvalidEventException("id is missing");
        if (source == null || source.isBlank()) throw new InvalidEventException("source is missing");
        if (type == null || type.isBlank()) throw new InvalidEventException("type is missing");
        if (time == null) throw new InvalidEventException("time is missing");
        if (clinicid == null) throw new InvalidEventException("clinicid is missing");
        if (subjectsequence != null && subjectsequence < 1) {
            throw new InvalidEventException("subjectsequence must be at least 1");
        }
        if (schemaversion == null || schemaversion < 1) throw new InvalidEventException("schemaversion is missing");
        if (data == null || !data.isObject()) throw new InvalidEventException("data must be a JSON object");
        return this;
    }
}
