package io.stipple.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A real SMTP server (GreenMail, behind a {@link SmtpSwitch}) and an HTTP receiver (WireMock) for the SMS provider, the push gateway
 * and partner webhooks, started before the application so their ports go into its configuration.
 * Tests reach them through {@link #greenMail()} and {@link #wireMock()}.
 */
public class ChannelsTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static SmtpSwitch smtpSwitch;
    private static WireMockServer wireMock;

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
        }
        if (smtpSwitch == null) {
            try {
                smtpSwitch = new SmtpSwitch(greenMail.getSmtp().getPort());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start the SMTP switch", e);
            }
        }
        if (wireMock == null) {
            wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
            wireMock.start();
        }
        String http = "http://127.0.0.1:" + wireMock.port();
        System.setProperty("stipple.test.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        System.setProperty("stipple.test.wiremock.port", Integer.toString(wireMock.port()));
        return Map.of(
                // the service reaches GreenMail through the switch (SmtpSwitch: a relay, or a server that hangs)
                "notification.email.smtp.host", "127.0.0.1",
                "notification.email.smtp.port", Integer.toString(smtpSwitch.port()),
                "notification.email.smtp.start-tls", "DISABLED",
                "notification.sms.url", http + "/sms/messages",
                "notification.push.url", http + "/push/notifications");
    }

    @Override
    public void stop() {
        // kept for the JVM: the application may boot again in this JVM with the same ports
    }

    public static GreenMail greenMail() {
        if (greenMail == null) throw new IllegalStateException("GreenMail not started in this class loader");
        return greenMail;
    }

    public static SmtpSwitch smtpSwitch() {
        if (smtpSwitch == null) throw new IllegalStateException("SMTP switch not started in this class loader");
        return smtpSwitch;
    }

    /** A client of the WireMock receiver (over its admin HTTP API, so any class loader can use it). */
    public static WireMock wireMock() {
        return new WireMock("127.0.0.1", Integer.getInteger("stipple.test.wiremock.port"));
    }

    public static String wireMockUrl(String path) {
        return "http://127.0.0.1:" + Integer.getInteger("stipple.test.wiremock.port") + path;
    }
}
