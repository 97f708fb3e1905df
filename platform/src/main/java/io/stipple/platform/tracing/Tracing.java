package io.stipple.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * The platform's spans beyond what the OpenTelemetry extension makes (HTTP server spans): the outbox relay's producer
 * spans, the inbox's consumer spans, and work done later from a stored context (a reminder sent when due). The context
 * travels as W3C {@code traceparent}/{@code tracestate} ({@link TraceContext}): in the outbox row, in the Kafka record's
 * headers, with a planned reminder.
 *
 * <p>With tracing off (no OTLP endpoint configured: {@link TracingDefaults}) the SDK is disabled and every span here
 * is a no-op: nothing is captured, stored or sent.
 *
 * <p>No personal data in attributes: ids, types, channels and topics only, never names, addresses or payloads.
 */
@ApplicationScoped
public class Tracing {

    /** Attribute names (OpenTelemetry semantic conventions for messaging and CloudEvents where they exist). */
    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String MESSAGING_OPERATION_TYPE = "messaging.operation.type";
    public static final String MESSAGING_DESTINATION = "messaging.destination.name";
    public static final String MESSAGING_MESSAGE_ID = "messaging.message.id";
    public static final String MESSAGING_CONSUMER_GROUP = "messaging.consumer.group.name";
    public static final String MESSAGING_PARTITION = "messaging.destination.partition.id";
    public static final String MESSAGING_OFFSET = "messaging.kafka.offset";
    public static final String CLOUDEVENTS_ID = "cloudevents.event_id";
    public static final String CLOUDEVENTS_TYPE = "cloudevents.event_type";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return java.util.List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TraceContext.TRACEPARENT.equals(key) ? carrier.traceparent()
                    : TraceContext.TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    private final Tracer tracer;

    @Inject
    public Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.stipple.platform");
    }

    /** The context of the span current on this thread, to store with work done later; null when there is none. */
    public TraceContext current() {
        return of(Context.current());
    }

    /** The context a span continues in (what a record header or a stored row should carry); null for a no-op span. */
    public TraceContext of(Span span) {
        return of(Context.root().with(span));
    }

    private static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, Map::put);
        return TraceContext.of(headers.get(TraceContext.TRACEPARENT), headers.get(TraceContext.TRACESTATE));
    }

    /**
     * Starts a span (not made current: the caller decides) whose parent is {@code parent}, or, when that is null, the
     * span current on this thread (none: a new trace).
     */
    public Span start(String name, SpanKind kind, TraceContext parent, Attributes attributes) {
        Context parentContext = parent == null ? Context.current() : W3C.extract(Context.root(), parent, GETTER);
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parentContext).setAllAttributes(attributes).startSpan();
    }

    /** Marks the span failed with the failure's type (its message may carry data: not recorded). */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
