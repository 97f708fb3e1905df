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

    Links links();

    /** Locale of templates used when a client's locale has none. */
    @WithDefault("en")
    String defaultLocale();

    /** How long a clinic's reminder policy is cached by a dispatcher before it is read again. */
    @WithDefault("30s")
    Duration policyCacheTtl();

    /**
     * How long a BookingConfirmed, BookingRescheduled or SessionCompleted about a client the event's clinic does not
     * know yet (its ClientRegistered, on another topic, has not been applied) is held back and retried, the later
     * booking events waiting behind it, before it is dead-lettered ("client X unknown in clinic Y after PT5M"). The
     * admin replay plans its reminders once the client is known.
     */
    @WithDefault("5m")
    Duration unknownClientHold();

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

        /**
         * Longest time one channel send may take once handed to the channel (HTTP request timeout; for email the
         * wait for a free SMTP connection, then again for the SMTP transaction). A send still open after it is
         * {@code UNCERTAIN}; one that never left (no free connection) may be retried.
         */
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

        /** The SMTP server (environment: {@code SMTP_HOST}, {@code SMTP_PORT}, ... see application.properties). */
        Smtp smtp();
    }

    /** The SMTP connection pool of email reminders (a Vert.x mail client of this service's own, see {@code SmtpClient}). */
    interface Smtp {
        @WithDefault("localhost")
        String host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** STARTTLS: {@code DISABLED}, {@code OPTIONAL} or {@code REQUIRED}. */
        @WithDefault("OPTIONAL")
        String startTls();

        /** Implicit TLS (SMTPS, usually port 465). */
        @WithDefault("false")
        boolean ssl();

        /** SMTP sessions open at once; sends beyond wait (at most {@code dispatcher.send-timeout}) for a free one. */
        @WithDefault("20")
        int maxPoolSize();

        /** Keep sessions open between messages. */
        @WithDefault("true")
        boolean keepAlive();

        /** Longest wait for the TCP connection to the SMTP server. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Longest silence of the SMTP server within a session: after it the connection is closed and the send ends
         * (the Vert.x mail client has no other timeout: without this a server that stops answering holds the send
         * and its pooled connection forever).
         */
        @WithDefault("15s")
        Duration readTimeout();
    }

    interface Sms {
        /** The SMS provider's send endpoint; no URL = SMS reminders fail as not configured. */
        Optional<URI> url();

        /** API key sent as a bearer token to the provider. */
        Optional<String> apiKey();

        /**
         * The provider drops a request whose {@code Idempotency-Key} it has already accepted (the provider contract,
         * see README): then a send whose outcome is unknown is retried with the same key. False: it is marked
         * {@code UNCERTAIN} instead, like email.
         */
        @WithDefault("true")
        boolean deduplicates();

        /** Sender id shown on the phone. */
        @WithDefault("Stipple")
        String sender();
    }

    interface Push {
        /** The push gateway webhook that fans out to the client's devices; no URL = push not configured. */
        Optional<URI> url();

        /** Shared secret signing push requests (same scheme as partner webhooks). */
        Optional<String> secret();

        /** The gateway drops a request whose {@code Idempotency-Key} it has already accepted (see {@code sms.deduplicates}). */
        @WithDefault("true")
        boolean deduplicates();
    }

    /** The links put into messages: pages of the client-facing front end. */
    interface Links {
        /**
         * The booking's self-service page in appointment reminders; {@code {token}} is replaced by the booking's manage
         * token (booking-service: {@code GET/POST /api/v1/manage/{token}[/reschedule|/cancel]}).
         */
        @WithDefault("https://app.stipple.io/manage/{token}")
        String manageBookingUrl();

        /** Where a client accepts a waitlist offer; {@code {offerId}} is replaced. */
        @WithDefault("https://app.stipple.io/waitlist/offers/{offerId}")
        String waitlistOfferUrl();
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

        /**
         * After a secret rotation, how long the secret before it keeps signing deliveries (alongside the new one:
         * {@code webhook-signature: v1,<new> v1,<old>}), so the receiver can switch secrets without losing any.
         */
        @WithDefault("24h")
        Duration secretRotationOverlap();
    }
}
