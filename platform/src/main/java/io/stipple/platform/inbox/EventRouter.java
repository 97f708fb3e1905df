package io.stipple.platform.inbox;

import io.stipple.platform.events.EventEnvelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link EventHandler} of one consumer of one topic, made of typed {@link IncomingEventHandler}s: it reads the
 * event's data into the handler's record and calls it; an event type no handler names is skipped (consumers ignore
 * what they do not act on). An optional {@code before} step runs for every event first (e.g. the platform's partner
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

    private EventRouter(Inbox inbox, String topic, Map<String, IncomingEventHandler<?>> byName,
                        Predicate<EventEnvelope> before) {
        this.inbox = inbox;
        this.topic = topic;
        this.byName = byName;
        this.before = before;
    }

    /**
     * The router of {@code topic} over those of {@code handlers} that handle it. Two handlers naming the same event is
     * a programming error (which one applies?): refused here, at start-up.
     */
    public static EventRouter forTopic(String topic, Inbox inbox, Iterable<? extends IncomingEventHandler<?>> handlers) {
        Map<String, IncomingEventHandler<?>> byName = new LinkedHashMap<>();
        for (IncomingEventHandler<?> handler : handlers) {
            if (!topic.equals(handler.topic())) {
                continue;
            }
            for (String name : handler.eventNames()) {
                IncomingEventHandler<?> previous = byName.putIfAbsent(name, handler);
                if (previous != null) {
                    throw new IllegalStateException("two handlers of " + name + " on " + topic + ": "
                            + previous.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        return new EventRouter(inbox, topic, Collections.unmodifiableMap(byName), event -> true);
    }

    /** A step every event of the topic goes through first; returning false stops the event there (applied, no handler). */
    public EventRouter before(Predicate<EventEnvelope> step) {
        return new EventRouter(inbox, topic, byName, step);
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
        handler.handle(event, inbox.data(event, handler.dataType()));
    }
}
