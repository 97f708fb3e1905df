package io.stipple.platform.correlation;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of the work in progress, carried in HTTP and Kafka headers and in the log MDC. */
public final class Correlation {
    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String KAFKA_HEADER = "correlation-id";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** The id from an incoming header if it is safe to log, otherwise a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    public static void set(String correlationId) {
        if (correlationId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
    }

    private Correlation() {
    }
}
