package io.stipple.notification.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** IANA zones as they arrive in events: an unknown or missing one falls back rather than failing. */
public final class Zones {

    private Zones() {
    }

    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static ZoneId orUtc(String id) {
        return parse(id).orElse(ZoneOffset.UTC);
    }
}
