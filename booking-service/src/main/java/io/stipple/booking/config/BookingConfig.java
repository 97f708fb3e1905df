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
