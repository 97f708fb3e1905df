package io.stipple.platform.events;

/** A message that can never be processed (not a CloudEvent, or data of the wrong shape): dead-lettered. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
