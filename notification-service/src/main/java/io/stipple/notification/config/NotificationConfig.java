package io.stipple.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The numbers and endpoints of notification-service. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Dispatcher dispatcher();

    Email email();

    Sms sms();

    Push push();

    Webhooks webhooks();

    /** Locale of templates used when a client's locale has none. */
    @WithDefault("en")
    String defaultLocale();

    /** How long a clinic's reminder policy is cached by a dispatcher before it is read again. */
    @WithDefault("30s")
    Duration policyCacheTtl();

    interface Dispatcher {
        /** Run the background dispatcher loop (tests switch it off and run rounds themselves). */
        @WithDefault("true")
        boolean enabled();

        /** Reminders claimed per round; they are sent concurrently. */
        @WithDefault("200")
        int batchSize();

        /** How long the loop waits when nothing was due before looking again (sets "within seconds"). */
        @WithDefault("500ms")
        Duration idlePoll();

        /** A claim older than this is taken back (the dispatcher that held it died mid-send). */
        @WithDefault("2m")
        Duration lease();

        /** Longest wait for one channel send before it counts as a transient failure. */
        @WithDefault("20s")
        Duration sendTimeout();

        /** Attempts of a reminder before it is marked failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Pause after the first transient failure; doubled after each further one. */
        @WithDefault("30s")
        Duration retryBackoff();

        /** Longest pause between two attempts. */
        @WithDefault("30m")
        Duration retryBackoffCap();

        /** Parallel loops in this instance (each claims its own batches). */
        @WithDefault("1")
        int loops();
    }

    interface Email {
        /** Sender address of reminder emails; the clinic's name is its display name. */
        @WithDefault("reminders@stipple.io")
        String from();

        /** Domain of the Message-ID derived from each reminder's dedupe key. */
        @WithDefault("notifications.stipple.io")
        String messageIdDomain();
    }

    interface Sms {
        /** The SMS provider's send endpoint; no URL = SMS reminders fail as not configured. */
        Optional<URI> url();

        /** API key sent as a bearer token to the provider. */
        Optional<String> apiKey();

        /** Sender id shown on the phone. */
        @WithDefault("Stipple")
        String sender();
    }

    interface Push {
        /** The push gateway webhook that fans out to the client's devices; no URL = push not configured. */
        Optional<URI> url();

        /** Shared secret signing push requests (same scheme as partner webhooks). */
        Optional<String> secret();
    }

    interface Webhooks {
        /**
         * Allow webhook targets on private, loopback or link-local addresses. Development only: true in
         * %dev and in tests that deliver to a local receiver; cloud metadata addresses stay refused.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /**
         * Send queued deliveries. Off only where outbound HTTP must not happen (the cross-service test run, whose
         * subscriptions point at no real receiver); deliveries then stay queued.
         */
        @WithDefault("true")
        boolean deliveryEnabled();

        /** Require https targets (off in dev and tests, which use local http receivers). */
        @WithDefault("true")
        boolean requireHttps();

        /** Attempts before a delivery is marked dead. */
        @WithDefault("8")
        int maxAttempts();

        /** Pause after the first failure; doubled after each further one. */
        @WithDefault("10s")
        Duration backoff();

        /** Longest pause between two attempts. */
        @WithDefault("1h")
        Duration backoffCap();

        /** Connect and response timeout of one delivery. */
        @WithDefault("10s")
        Duration timeout();

        /** Deliveries claimed per round. */
        @WithDefault("50")
        int batchSize();

        /** Subscriptions one clinic may hold of its own, and each of its partners of its own. */
        @WithDefault("20")
        int maxSubscriptionsPerClinic();
    }
}
