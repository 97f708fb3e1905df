package io.stipple.platform.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

import java.util.List;

/**
 * Traces are exported by OTLP only when an endpoint is configured: unless {@code quarkus.otel.sdk.disabled} is set
 * explicitly, it defaults to {@code true} while none of {@link #ENDPOINTS} is set (environment
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT},
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or the properties).
 * The OpenTelemetry extension's own default would otherwise send to {@code localhost:4317} and log an export error
 * every few seconds on a machine with no collector. Registered as a SmallRye Config interceptor
 * ({@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}); {@code TracingDefaultsTest}.
 */
@Priority(TracingDefaults.PRIORITY)
public class TracingDefaults implements ConfigSourceInterceptor {

    /** After the platform's own interceptors (profiles, expressions) have resolved the values it reads. */
    static final int PRIORITY = 100;
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of(
            "quarkus.otel.exporter.otlp.traces.endpoint", "quarkus.otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.endpoint");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || configured(value)) {
            return value;
        }
        ConfigValue standard = context.proceed("otel.sdk.disabled"); // OTEL_SDK_DISABLED
        if (configured(standard)) {
            return standard.withName(name);
        }
        for (String endpoint : ENDPOINTS) {
            if (configured(context.proceed(endpoint))) {
                return value;
            }
        }
        return ConfigValue.builder().withName(name).withValue("true")
                .withConfigSourceName("stipple tracing defaults (no OTLP endpoint configured)")
                .withConfigSourceOrdinal(Integer.MIN_VALUE + 1000).build();
    }

    /** Set by a real source (a file, the environment), not by an extension's built-in default. */
    private static boolean configured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > 0;
    }
}
