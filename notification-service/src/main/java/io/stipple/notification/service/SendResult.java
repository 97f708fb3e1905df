package io.stipple.notification.service;

/** What a channel said about one message. */
public record SendResult(Outcome outcome, String providerMessageId, String error) {

    public enum Outcome {
        /** Accepted by the channel. */
        SENT,
        /** Might work later (timeout, 5xx, 429, connection refused): retried with backoff. */
        TRANSIENT,
        /** Will never work (invalid address, 4xx refusal): failed at once. */
        PERMANENT
    }

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Outcome.SENT, providerMessageId, null);
    }

    public static SendResult transientFailure(String error) {
        return new SendResult(Outcome.TRANSIENT, null, truncate(error));
    }

    public static SendResult permanentFailure(String error) {
        return new SendResult(Outcome.PERMANENT, null, truncate(error));
    }

    /** An HTTP answer classified: 2xx sent, 408/425/429/5xx transient, other 4xx permanent. */
    public static SendResult ofHttpStatus(int status, String providerMessageId, String body) {
        if (status >= 200 && status < 300) return sent(providerMessageId);
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body);
        if (status == 408 || status == 425 || status == 429 || status >= 500) return transientFailure(error);
        return permanentFailure(error);
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 900 ? text.substring(0, 900) : text;
    }
}
