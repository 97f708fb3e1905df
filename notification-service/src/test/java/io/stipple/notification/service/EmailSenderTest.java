package io.stipple.notification.service;

import io.stipple.notification.SmtpSwitch;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderType;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.stipple.notification.service.SendResult.Outcome.FAILED_BEFORE_SENDING;
import static io.stipple.notification.service.SendResult.Outcome.UNCERTAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email sender against an SMTP server that takes the message and never answers: every send ends, within its
 * bounds, and one that never got a session is told apart (nothing left) from one that did (uncertain).
 */
class EmailSenderTest {

    private Vertx vertx;
    private SmtpSwitch silentServer;
    private EmailSender sender;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        silentServer = new SmtpSwitch(1); // never relays: silent from the start
        silentServer.goSilent();
        sender = new EmailSender();
        sender.vertx = vertx;
        // one SMTP session, sends bounded at 1 s, sessions closed after 3 s of silence
        sender.config = config(Map.of("host", "127.0.0.1", "port", silentServer.port(), "startTls", "DISABLED", "ssl", false,
                "maxPoolSize", 1, "keepAlive", true, "connectTimeout", Duration.ofSeconds(2), "readTimeout", Duration.ofSeconds(3)),
                Duration.ofSeconds(1));
        sender.start();
    }

    @AfterEach
    void stop() {
        sender.stop();
        vertx.close();
    }

    @Test
    void a_send_that_never_got_a_session_failed_before_sending_and_the_one_the_server_swallowed_is_uncertain() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<SendResult> first = sender.send(message("first@example.com")).toCompletableFuture();
        CompletableFuture<SendResult> second = sender.send(message("second@example.com")).toCompletableFuture();

        SendResult swallowed = first.get(10, TimeUnit.SECONDS);
        SendResult queued = second.get(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(swallowed.outcome()).isEqualTo(UNCERTAIN);
        assertThat(queued.outcome()).isEqualTo(FAILED_BEFORE_SENDING);
        assertThat(queued.error()).contains("no SMTP session free");
        assertThat(took).isLessThan(Duration.ofSeconds(5)); // bounded by the send timeout, not by the server
        // the server gets the first message in full (on a loaded machine the session may reach DATA only after the
        // send was given up on: still once); the second never left, and does not leave later either
        await().atMost(Duration.ofSeconds(10)).until(() -> silentServer.swallowed() >= 1);
        assertThat(silentServer.swallowed()).isEqualTo(1);
        // the swallowed message's session ends by the read timeout (3 s), which frees the one slot
        await().atMost(Duration.ofSeconds(10)).until(() -> silentServer.sessions() == 0);
        CompletableFuture<SendResult> third = sender.send(message("third@example.com")).toCompletableFuture();
        assertThat(third.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(UNCERTAIN); // the next session is silent too
        await().atMost(Duration.ofSeconds(10)).until(() -> silentServer.swallowed() == 2);
        assertThat(silentServer.swallowed()).isEqualTo(2);
    }

    @Test
    void no_server_at_all_is_a_failure_before_sending() throws Exception {
        EmailSender refused = new EmailSender();
        refused.vertx = vertx;
        refused.config = config(Map.of("host", "127.0.0.1", "port", 1, "startTls", "DISABLED", "ssl", false, "maxPoolSize", 1,
                "keepAlive", true, "connectTimeout", Duration.ofSeconds(2), "readTimeout", Duration.ofSeconds(3)), Duration.ofSeconds(5));
        refused.start();
        try {
            SendResult result = refused.send(message("nobody@example.com")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(FAILED_BEFORE_SENDING);
        } finally {
            refused.stop();
        }
    }

    private static OutgoingMessage message(String to) {
        return new OutgoingMessage(UUID.randomUUID(), "test|" + UUID.randomUUID(), Channel.EMAIL, ReminderType.HEALED,
                UUID.randomUUID(), to, "Test Clinic", "Healed", "Hello");
    }

    /** The parts of the configuration the sender reads. */
    private static NotificationConfig config(Map<String, Object> smtp, Duration sendTimeout) {
        Object smtpConfig = proxy(NotificationConfig.Smtp.class, name -> switch (name) {
            case "username", "password" -> Optional.empty();
            default -> smtp.get(name);
        });
        Object email = proxy(NotificationConfig.Email.class, name -> switch (name) {
            case "from" -> "reminders@stipple.test";
            case "messageIdDomain" -> "notifications.stipple.test";
            case "smtp" -> smtpConfig;
            default -> null;
        });
        Object dispatcher = proxy(NotificationConfig.Dispatcher.class, name -> "sendTimeout".equals(name) ? sendTimeout : null);
        return proxy(NotificationConfig.class, name -> switch (name) {
            case "email" -> email;
            case "dispatcher" -> dispatcher;
            default -> null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> type.getSimpleName();
                };
            }
            return answers.apply(method.getName());
        });
    }
}
