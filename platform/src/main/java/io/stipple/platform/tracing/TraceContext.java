package io.stipple.platform.tracing;

import java.util.regex.Pattern;

/**
 * A W3C trace context as it travels and is stored: the {@code traceparent} and {@code tracestate} header values. Kept
 * with work that happens later (an outbox row, a planned reminder) so that the later work continues the trace of the
 * request or event that caused it.
 *
 * @param traceparent {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}
 * @param tracestate  vendor entries, or null
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The longest {@code tracestate} kept (W3C: at most 32 entries; 512 characters is what propagators must keep). */
    public static final int MAX_TRACESTATE = 512;

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** A context from stored or received values; null when there is no valid {@code traceparent}. */
    public static TraceContext of(String traceparent, String tracestate) {
        if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            return null;
        }
        String state = tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE ? null : tracestate;
        return new TraceContext(traceparent, state);
    }

    /** The trace id (32 hex digits). */
    public String traceId() {
        return traceparent.substring(3, 35);
    }
}
