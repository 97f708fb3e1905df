package io.stipple.platform.inbox;

import io.stipple.platform.events.EventEnvelope;

import java.util.Set;

/**
 * Applies one kind of incoming event, typed: a CDI bean per event (e.g. {@code SessionCompletedHandler}) instead of a
 * case in a string switch. A consumer collects the handlers of its topic into an {@link EventRouter}, which the inbox
 * runs (once per event, in its transaction, under the event's clinic):
 *
 * <pre>{@code
 * @ApplicationScoped
 * class SessionCompletedHandler implements IncomingEventHandler<SessionCompletedReceived> {
 *     public String topic() { return Topics.BOOKINGS; }
 *     public Set<String> eventNames() { return Set.of("SessionCompleted"); }
 *     public Class<SessionCompletedReceived> dataType() { return SessionCompletedReceived.class; }
 *     public void handle(EventEnvelope event, SessionCompletedReceived data) { ... }
 * }
 * }</pre>
 *
 * @param <T> the consumer's own record of the event's data (unknown fields ignored, see {@link Inbox#data})
 */
public interface IncomingEventHandler<T> {

    /** The topic whose events it handles, e.g. {@code stipple.bookings}. */
    String topic();

    /** The event names (CloudEvents type without {@code io.stipple.}) it handles; several may share one data record. */
    Set<String> eventNames();

    /** The record the event's data is read into. */
    Class<T> dataType();

    /**
     * True when the event's data carries sealed personal fields this handler needs opened (ClientRegistered,
     * ClientUpdated of schema version 2): the router opens them before reading the data, and skips the event when the
     * client's key is gone. Such a handler needs a router made with an opener
     * ({@link EventRouter#forTopic(String, Inbox, Iterable, java.util.function.Function)}).
     */
    default boolean opensSealedFields() {
        return false;
    }

    /** Applies the event (inside the inbox transaction); throw {@link io.stipple.platform.events.InvalidEventException} for data off contract. */
    void handle(EventEnvelope event, T data);
}
