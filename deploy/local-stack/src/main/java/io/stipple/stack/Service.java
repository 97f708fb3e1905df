package io.stipple.stack;

/** The four services, with their local port and database. */
public enum Service {
    CLIENT("client-service", 8081, "client"),
    BOOKING("booking-service", 8082, "booking"),
    NOTIFICATION("notification-service", 8083, "notification"),
    GALLERY("gallery-service", 8084, "gallery");

    public final String artifact;
    public final int defaultPort;
    public final String database;

    Service(String artifact, int defaultPort, String database) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.database = database;
    }
}
