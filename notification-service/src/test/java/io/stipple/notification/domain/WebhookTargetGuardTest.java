package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard with private targets NOT allowed (the production setting). */
class WebhookTargetGuardTest {

    private final WebhookTargetGuard production = new WebhookTargetGuard(false, true, WebhookTargetGuardTest::resolve);
    private final WebhookTargetGuard development = new WebhookTargetGuard(true, false, WebhookTargetGuardTest::resolve);

    /** A fake DNS: names map to fixed addresses, literals resolve to themselves. */
    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "partner.example.com" -> List.of(InetAddress.getByName("93.184.216.34"));
            case "rebind.example.com" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
            case "internal.example.com" -> List.of(InetAddress.getByName("192.168.1.10"));
            case "metadata.google.internal" -> List.of(InetAddress.getByName("169.254.169.254"));
            case "localhost" -> List.of(InetAddress.getByName("127.0.0.1"));
            case "nowhere.invalid" -> throw new UnknownHostException(host);
            default -> List.of(InetAddress.getByName(host));
        };
    }

    @Test
    void a_public_https_target_is_accepted() {
        assertThat(production.check("https://partner.example.com/hooks").getHost()).isEqualTo("partner.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook", "https://0.0.0.0/hook",
            "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.0.10/hook", "https://internal.example.com/hook",
            "https://169.254.169.254/latest/meta-data/", "https://metadata.google.internal/computeMetadata/v1/",
            "https://169.254.10.10/hook", "https://[fe80::1]/hook", "https://[fd12:3456::1]/hook", "https://100.64.0.1/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook", "https://rebind.example.com/hook"})
    void private_loopback_and_link_local_targets_are_refused(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookTargetGuard.TargetRefused.class);
    }

    @Test
    void plain_http_userinfo_and_unresolvable_hosts_are_refused() {
        assertThatThrownBy(() -> production.check("http://partner.example.com/hooks"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("https");
        assertThatThrownBy(() -> production.check("https://user:pw@partner.example.com/hooks"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> production.check("https://nowhere.invalid/hooks"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> production.check("ftp://partner.example.com/"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class);
        assertThatThrownBy(() -> production.check("not a url"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class);
    }

    @Test
    void development_allows_local_receivers_but_never_cloud_metadata() {
        assertThat(development.check("http://127.0.0.1:8089/hooks").getPort()).isEqualTo(8089);
        assertThat(development.check("http://localhost/hooks")).isNotNull();
        assertThatThrownBy(() -> development.check("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> development.check("http://metadata.google.internal/"))
                .isInstanceOf(WebhookTargetGuard.TargetRefused.class).hasMessageContaining("metadata");
    }
}
