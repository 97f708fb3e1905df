package io.stipple.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The numbers of booking-service's rules; each can be overridden in application.properties or the environment. */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    Healing healing();

    Availability availability();

    Bookings bookings();

    ManageLinks manageLinks();

    Waitlist waitlist();

    Payments payments();

    /** Deposits through the payment provider (Stripe). Without an API key no policy may ask for deposits. */
    interface Payments {
        Stripe stripe();

        /** How often payment commands (refunds, intent cancels) still due are looked for; normally run after commit. */
        @WithDefault("30s")
        Duration commandsEvery();

        /** First retry of a provider call that failed; doubles up to {@code retry-max}. */
        @WithDefault("5s")
        Duration retryBase();

        @WithDefault("15m")
        Duration retryMax();

        interface Stripe {
            /** The secret API key ({@code BOOKING_STRIPE_API_KEY}); unset: no payments, bookings behave as without. */
            java.util.Optional<String> apiKey();

            /** The webhook endpoint's signing secret ({@code BOOKING_STRIPE_WEBHOOK_SECRET}, {@code whsec_...}). */
            java.util.Optional<String> webhookSecret();

            /** Stripe's API; tests point it at WireMock. */
            @WithDefault("https://api.stripe.com")
            String apiBase();

            /** How old a webhook's signed timestamp may be. */
            @WithDefault("300s")
            Duration webhookTolerance();

            @WithDefault("5s")
            Duration connectTimeout();

            @WithDefault("20s")
            Duration readTimeout();
        }
    }

    interface Waitlist {
        /**
         * How often freed time that was not matched to the waitlist yet is matched. It is normally matched right after
         * the commit that freed it; the sweep only takes up what a process that died left behind.
         */
        @WithDefault("30s")
        Duration matchEvery();
    }

    /** The signed links in booking confirmations that let a client view, reschedule or cancel without logging in. */
    interface ManageLinks {
        /**
         * The HMAC key (at least 32 characters), the same on every replica ({@code BOOKING_MANAGE_LINK_SECRET} in
         * production). Unset, each instance makes its own and links die with it.
         */
        java.util.Optional<String> secret();

        /** How long after the booking ends its link still opens (to view it). */
        @WithDefault("P1D")
        Duration validAfterEnd();
    }

    interface Healing {
        /** Healing interval between sessions of a plan when neither the plan nor the treatment names one. */
        @WithDefault("7")
        int defaultIntervalDays();

        /** No session series may go below this interval without an admin override that records who and why. */
        @WithDefault("7")
        int minimumIntervalDays();
    }

    interface Availability {
        /** Longest date range (in days, inclusive) one availability search may cover. */
        @WithDefault("31")
        int maxDays();

        /** Start times are offered on this grid, counted from each opening of the clinic or technician. */
        @WithDefault("15m")
        Duration slotStep();
    }

    interface Bookings {
        /** How far ahead a booking may be made. */
        @WithDefault("P365D")
        Duration maxAdvance();

        /** A booking can be checked in from this long before its start. */
        @WithDefault("2h")
        Duration checkInOpensBefore();

        /** Cancellation notice for clinics that set none: a client may cancel/reschedule until this long before the start. */
        @WithDefault("24")
        int defaultCancellationNoticeHours();

        /**
         * How often the sweeper marks slot holds that ran out EXPIRED. Availability and every write ignore a dead hold
         * at once; the sweeper only keeps the rows (and a list filtered by status HELD) true.
         */
        @WithDefault("30s")
        Duration holdSweepEvery();
    }
}
