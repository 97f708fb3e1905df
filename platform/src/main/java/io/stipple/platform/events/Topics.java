package io.stipple.platform.events;

/** The topics of the system: one per publishing service, and one dead-letter topic per consumer. */
public final class Topics {
    public static final String CLIENTS = "stipple.clients";
    public static final String BOOKINGS = "stipple.bookings";
    public static final String GALLERY = "stipple.gallery";
    public static final String NOTIFICATIONS = "stipple.notifications";

    /** Dead-letter topic of a consuming service, e.g. {@code stipple.dlq.booking-service}. */
    public static String deadLetter(String consumerService) {
        return "stipple.dlq." + consumerService;
    }

    private Topics() {
    }
}
