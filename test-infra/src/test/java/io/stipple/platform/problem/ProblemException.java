package io.stipple.platform.problem;

/**
 * A stand-in with the platform's name, for the shape fixtures only: test-infra cannot depend on the platform (the
 * platform's tests depend on test-infra), and {@code ServiceShape} names the class it forbids in {@code domain}.
 */
public class ProblemException extends RuntimeException {

    public ProblemException(String message) {
        super(message);
    }
}
