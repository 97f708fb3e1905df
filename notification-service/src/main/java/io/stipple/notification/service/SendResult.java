package io.stipple.notification.service;

/**
 * What a channel said about one message, told apart by what the recipient may have seen. Only a failure that
 * provably happened before anything left (connection refused, unknown host, no free connection, a refusal by the
 * provider) may be retried blindly; a send whose fate is unknown (timeout after the request was written,
 * connection reset mid-answer) is {@link Outcome#UNCERTAIN}: retried only on a channel that deduplicates on the
 * reminder's key, otherwise left for staff to decide.
 */
public record SendResult(Outcome outcome, String providerMessageId, String error) {

    public enum Outcome {
        /** Accepted by the channel. */
        SENT,
        /** Nothing reached the recipient, and a later attempt may work (refused connection, 429, 503, SMTP 4xx). */
        FAILED_BEFORE_SENDING,
        /** Will never work (invalid address, 4xx refusal, SMTP 5xx): failed at once. Nothing was delivered. */
        PERMANENT,
        /** The message may or may not have been delivered (timeout or broken connection after it was written). */
        UNCERTAIN
    }

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Outcome.SENT, providerMessageId, null);
    }

    public static SendResult failedBeforeSending(String error) {
        return new SendResult(Outcome.FAILED_BEFORE_SENDING, null, truncate(error));
    }

    public static SendResult permanentFailure(String error) {
        return new SendResult(Outcome.PERMANENT, null, truncate(error));
    }

    public static SendResult uncertain(String error) {
        return new SendResult(Outcome.UNCERTAIN, null, truncate(error));
    }

    /**
     * An HTTP answer classified: 2xx sent; 408 (the server gave up reading the request), 425, 429 and 503 (refused
     * before doing anything) failed before sending; other 4xx permanent; any other 5xx (500, 502, 504: the work may
     * have been done behind a failing gateway) uncertain.
     */
    public static SendResult ofHttpStatus(int status, String providerMessageId, String body) {
        if (status >= 200 && status < 300) return sent(providerMessageId);
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body);
        if (status == 408 || status == 425 || status == 429 || status == 503) return failedBeforeSending(error);
        if (status >= 500) return uncertain(error);
        return permanentFailure(error);
    }

    static String truncate(String text) {
        return text == null ? null : text.length() > 900 ? text.substring(0, 900) : text;
    }
}
