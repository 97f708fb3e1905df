package io.stipple.platform.events;

/**
 * The data of an event a service publishes: a past-tense record such as {@code SessionCompleted}.
 * Its simple class name is the event name unless {@link #eventName()} says otherwise.
 */
public interface DomainEvent {

    default String eventName() {
        return getClass().getSimpleName();
    }

    /** Version of this record's JSON shape; bump it on a breaking change. */
    default int schemaVersion() {
        return 1;
    }
}
