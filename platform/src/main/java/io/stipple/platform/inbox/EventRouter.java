package io.stipple.platform.inbox;

import io.stipple.platform.events.EventEnvelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@link EventHandler} of one consumer of one topic, made of typed {@link IncomingEventHandler}s: it reads the
 * event's data into the handler's record and calls it; an event type no handler names is skipped (consumers ignore
 * what they do not act on). A handler that {@linkplain IncomingEventHandler#opensSealedFields() opens sealed fields}
 * gets the event with its fields opened (the router's opener, e.g. {@code ClientKeyring::open}; nothing when the
 * client's key is gone) and its data read once, from the opened event. An optional {@code before} step runs for every event first (e.g. the platform's partner
 * directory) and may stop it (e.g. an event about a client already erased here).
 *
 * <pre>{@code
 * router = EventRouter.forTopic(Topics.CLIENTS, inbox, handlers)   // handlers: @Inject @Any Instance<IncomingEventHandler<?>>
 *         .before(event -> { partners.apply(event); return true; });
 * inbox.register("client-events", CONSUMER, router);
 * }</pre>
 */
public final class EventRouter implements EventHandler {

    private final Inbox inbox;
    private final String topic;
    private final Map<String, IncomingEventHandler<?>> byName;
    private final Predicate<EventEnvelope> before;
    private final Function<EventEnvelope, Optional<EventEnvelope>> opener;

    private EventRouter(Inbox inbox, String topic, Map<String, IncomingEventHandler<?>> byName,
                        Predicate<EventEnvelope> before, Function<EventEnvelope, Optional<EventEnvelope>> opener) {
        this.inbox = inbox;
        this.topic = topic;
        this.byName = byName;
        this.before = before;
        this.opener = opener;
    }

    /**
     * The router of {@code topic} over those of {@code handlers} that handle it. Two handlers naming the same event is
     * a programming error (which one applies?): refused here, at start-up.
     */
    public static EventRouter forTopic(String topic, Inbox inbox, Iterable<? extends IncomingEventHandler<?>> handlers) {
        return forTopic(topic, inbox, handlers, null);
    }

    /**
     * As {@link #forTopic(String, Inbox, Iterable)}, with the opener of sealed fields the handlers that
     * {@linkplain IncomingEventHandler#opensSealedFields() need them} get their events through (empty: the key is gone,
     * the event is skipped). Without an opener such a handler is refused here, at start-up.
     */
    public static EventRouter forTopic(String topic, Inbox inbox, Iterable<? extends IncomingEventHandler<?>> handlers,
                                       Function<EventEnvelope, Optional<EventEnvelope>> opener) {
        Map<String, IncomingEventHandler<?>> byName = new LinkedHashMap<>();
        for (IncomingEventHandler<?> handler : handlers) {
            if (!topic.equals(handler.topic())) {
                continue;
            }
            if (handler.opensSealedFields() && opener == null) {
                throw new IllegalStateException(handler.getClass().getName() + " opens sealed fields of " + topic
                        + " events: its router needs an opener (e.g. ClientKeyring::open)");
            }
            for (String name : handler.eventNames()) {
                IncomingEventHandler<?> previous = byName.putIfAbsent(name, handler);
                if (previous != null) {
                    throw new IllegalStateException("two handlers of " + name + " on " + topic + ": "
                            + previous.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        return new EventRouter(inbox, topic, Collections.unmodifiableMap(byName), event -> true, opener);
    }

    /** A step every event of the topic goes through first; returning false stops the event there (applied, no handler). */
    public EventRouter before(Predicate<EventEnvelope> step) {
        return new EventRouter(inbox, topic, byName, step, opener);
    }

    /** The event names this router applies (the rest are skipped). */
    public Set<String> eventNames() {
        return byName.keySet();
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!before.test(event)) {
            return;
        }
        IncomingEventHandler<?> handler = byName.get(event.eventName());
        if (handler != null) {
            apply(handler, event);
        }
    }

    private <T> void apply(IncomingEventHandler<T> handler, EventEnvelope event) {
        EventEnvelope readable = event;
        if (handler.opensSealedFields()) {
            Optional<EventEnvelope> opened = opener.apply(event);
            if (opened.isEmpty()) {
                return; // the client's key is gone (erased): nothing personal to apply
            }
            readable = opened.get();
        }
        handler.handle(readable, inbox.data(readable, handler.dataType()));
    }
}
