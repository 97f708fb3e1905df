package io.stipple.notification.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How a reminder reaches a client. */
public enum Channel {
    EMAIL, SMS, PUSH;

    /** Channels named as they arrive from outside (events, stored arrays): unknown names ignored, each once, in channel order. */
    public static List<Channel> fromNames(Collection<String> names) {
        if (names == null) return new ArrayList<>();
        Set<Channel> known = EnumSet.noneOf(Channel.class);
        for (String name : names) {
            Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst().ifPresent(known::add);
        }
        return new ArrayList<>(known);
    }

    /** The channels each once, in channel order (how they are stored). */
    public static List<Channel> ordered(Collection<Channel> channels) {
        return channels == null || channels.isEmpty() ? new ArrayList<>() : new ArrayList<>(EnumSet.copyOf(channels));
    }
}
