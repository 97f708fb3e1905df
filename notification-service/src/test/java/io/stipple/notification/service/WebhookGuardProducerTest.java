package io.stipple.notification.service;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.WebhookTargetGuard;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Out of the box (no dev or test profile), the configured guard refuses local and private targets. */
class WebhookGuardProducerTest {

    private static WebhookGuardProducer producer(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(NotificationConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 500))
                .build();
        WebhookGuardProducer producer = new WebhookGuardProducer();
        producer.config = config.getConfigMapping(NotificationConfig.class);
        return producer;
    }

    @Test
    void the_default_configuration_refuses_loopback_private_and_link_local_targets() {
        WebhookGuardProducer defaults = producer(Map.of());
        for (String url : new String[] {"https://127.0.0.1:8443/hook", "https://localhost/hook", "https://10.0.0.8/hook",
                "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook"}) {
            assertThatThrownBy(() -> defaults.guard().check(url)).as(url).isInstanceOf(WebhookTargetGuard.TargetRefused.class);
        }
        assertThatThrownBy(() -> defaults.guard().check("http://93.184.216.34/hook"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("https");
    }

    @Test
    void only_the_flag_lets_a_local_receiver_through() {
        WebhookGuardProducer dev = producer(Map.of("notification.webhooks.allow-private-targets", "true",
                "notification.webhooks.require-https", "false"));
        assertThat(dev.guard().check("http://127.0.0.1:8089/hook").getPort()).isEqualTo(8089);
    }
}
