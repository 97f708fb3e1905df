package io.stipple.stack;

import io.stipple.testinfra.api.StippleApi;

import java.util.function.Function;

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

    /** The typed API client's endpoints for services listening at these base URLs. */
    public static StippleApi.Endpoints endpoints(Function<Service, String> baseUrl) {
        return new StippleApi.Endpoints(baseUrl.apply(CLIENT), baseUrl.apply(BOOKING), baseUrl.apply(NOTIFICATION),
                baseUrl.apply(GALLERY));
    }
}
