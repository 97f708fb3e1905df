package io.stipple.notification.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How a reminder reaches a client. */
public enum Channel {
    EMAIL, SMS, PUSH;

    /** Parses a stored comma list, ignoring values this version does not know. */
    public static List<Channel> parseList(String csv) {
        List<Channel> channels = new ArrayList<>();
        if (csv == null || csv.isBlank()) return channels;
        for (String part : csv.split(",")) {
            String name = part.trim();
            Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst()
                    .filter(c -> !channels.contains(c)).ifPresent(channels::add);
        }
        return channels;
    }

    /** Parses names as they arrive in events (unknown ones ignored). */
    public static List<Channel> fromNames(Collection<String> names) {
        return names == null ? new ArrayList<>() : parseList(String.join(",", names));
    }

    public static String toCsv(Collection<Channel> channels) {
        if (channels == null) return "";
        Set<Channel> ordered = channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
        return ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
