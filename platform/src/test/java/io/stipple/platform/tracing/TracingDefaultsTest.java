package io.stipple.platform.tracing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingDefaultsTest {

    /** The extension's own default (what Quarkus registers for quarkus.otel.sdk.disabled), at the lowest ordinal. */
    private static final Map<String, String> EXTENSION_DEFAULTS = Map.of(
            "quarkus.otel.sdk.disabled", "false",
            "quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/",
            "quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:4317/");

    private static SmallRyeConfig config(Map<String, String> configured) {
        return new SmallRyeConfigBuilder()
                .withDefaultValues(EXTENSION_DEFAULTS)
                .withSources(new PropertiesConfigSource(configured, "environment", 300))
                .withInterceptors(new TracingDefaults())
                .build();
    }

    private static boolean sdkDisabled(Map<String, String> configured) {
        return config(configured).getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }

    @Test
    void with_no_endpoint_configured_the_sdk_is_off() {
        assertThat(sdkDisabled(Map.of())).isTrue();
        assertThat(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", " "))).isTrue();
    }

    @Test
    void any_endpoint_turns_it_on() {
        for (String name : TracingDefaults.ENDPOINTS) {
            assertThat(sdkDisabled(Map.of(name, "http://collector:4317"))).as(name).isFalse();
        }
    }

    @Test
    void an_explicit_choice_wins() {
        assertThat(sdkDisabled(Map.of("quarkus.otel.sdk.disabled", "false"))).isFalse();
        assertThat(sdkDisabled(Map.of("otel.sdk.disabled", "false"))).isFalse();
        assertThat(sdkDisabled(Map.of("otel.sdk.disabled", "true", "otel.exporter.otlp.endpoint", "http://collector:4317"))).isTrue();
        assertThat(sdkDisabled(Map.of("quarkus.otel.sdk.disabled", "true",
                "quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"))).isTrue();
    }

    @Test
    void other_properties_pass_through() {
        assertThat(config(Map.of("a", "b")).getValue("a", String.class)).isEqualTo("b");
    }

    @Test
    void a_trace_context_needs_a_well_formed_traceparent() {
        String valid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertThat(TraceContext.of(valid, "congo=t61rcWkgMzE").traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(TraceContext.of(valid, " ").tracestate()).isNull();
        assertThat(TraceContext.of("00-xyz", null)).isNull();
        assertThat(TraceContext.of(null, null)).isNull();
    }
}
