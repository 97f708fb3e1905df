package io.stipple.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Hours in the recipient's local time when SMS and push stay silent (for example 21:00–08:00). A
 * reminder due inside them moves to the end of the quiet period; an appointment reminder that would
 * then arrive after the appointment moves back to just before the quiet period began instead.
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, List<Channel> channels) {

    public boolean appliesTo(Channel channel) {
        return enabled && channels != null && channels.contains(channel) && !start.equals(end);
    }

    /** True when local wall-clock time {@code time} falls inside the quiet period. */
    public boolean isQuiet(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end); // spans midnight
    }

    /** The first moment at or after {@code due} outside the quiet hours of {@code zone}. */
    public Instant nextAllowed(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return due;
        }
        LocalDate endDate = local.toLocalDate();
        if (!start.isBefore(end) && !local.toLocalTime().isBefore(start)) {
            endDate = endDate.plusDays(1); // evening part of a period spanning midnight: ends tomorrow
        }
        // atZone resolves a wall-clock time in a DST gap forward and in an overlap to the earlier offset
        return ZonedDateTime.of(LocalDateTime.of(endDate, end), zone).toInstant();
    }

    /** The last moment before the quiet period that contains {@code due} began. */
    public Instant lastAllowedBefore(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalDate startDate = local.toLocalDate();
        if (!start.isBefore(end) && local.toLocalTime().isBefore(end)) {
            startDate = startDate.minusDays(1); // morning part: the period began yesterday evening
        }
        return ZonedDateTime.of(LocalDateTime.of(startDate, start), zone).toInstant().minusSeconds(60);
    }

    /**
     * Where a reminder on {@code channel} due at {@code due} goes: unchanged outside quiet hours or for
     * a channel they do not cover, else the next allowed time, unless that is after {@code deadline}
     * (the appointment), in which case the last allowed time before the quiet period.
     */
    public Instant adjust(Channel channel, Instant due, ZoneId zone, Instant deadline) {
        if (!appliesTo(channel)) {
            return due;
        }
        Instant next = nextAllowed(due, zone);
        if (deadline != null && next.isAfter(deadline)) {
            return lastAllowedBefore(due, zone);
        }
        return next;
    }
}
