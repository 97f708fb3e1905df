package io.stipple.platform.inbox;

/**
 * Thrown by a handler when something outside the event failed in a way that will pass: an object store answering
 * "slow down" or 503, a network error to a dependency. The inbox holds the event back and retries it for as long
 * as it takes, like a database outage ({@link Failures}), instead of dead-lettering it.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
