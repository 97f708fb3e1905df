package io.stipple.deploy;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which service owns each /api/v1 prefix (the architecture's HTTP conventions): the Ingress must route
 * each prefix to its owner, and a service's code must not serve a prefix another service owns.
 * Prefixes a service's code declares beyond this table are owned by that service.
 */
final class ApiOwnership {
    static final Map<String, String> DOCUMENTED = Map.ofEntries(
            Map.entry("/api/v1/clients", "client-service"),
            // the clinic's registered partners: client-service writes partner_registry with its own changes
            Map.entry("/api/v1/partners", "client-service"),
            Map.entry("/api/v1/clinics", "booking-service"),
            Map.entry("/api/v1/treatments", "booking-service"),
            Map.entry("/api/v1/availability", "booking-service"),
            Map.entry("/api/v1/bookings", "booking-service"),
            Map.entry("/api/v1/notifications", "notification-service"),
            Map.entry("/api/v1/reminder-policies", "notification-service"),
            Map.entry("/api/v1/webhooks", "notification-service"),
            Map.entry("/api/v1/gallery", "gallery-service"));

    /**
     * Server-to-server operations (other services' own tokens only, e.g. client-service's client keys): served by a
     * service but never routed by an Ingress.
     */
    static final String INTERNAL = "/api/v1/internal";

    private ApiOwnership() {
    }

    /**
     * The documented table, extended with prefixes found in the services' code (not {@link #INTERNAL}); conflicts are
     * reported by the checker.
     */
    static Map<String, String> owners(ProjectModel project) {
        Map<String, String> owners = new TreeMap<>(DOCUMENTED);
        project.services().values().forEach(service -> service.apiPrefixes().stream()
                .filter(prefix -> !prefix.equals(INTERNAL))
                .forEach(prefix -> owners.putIfAbsent(prefix, service.artifactId())));
        return owners;
    }
}
