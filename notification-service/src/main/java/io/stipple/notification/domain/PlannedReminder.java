package io.stipple.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A reminder the policy asks for: one type on one channel at one moment. {@code dedupeKey} identifies it
 * for good, so the same fact planned twice (a redelivered event) yields the same key and no second row.
 */
public record PlannedReminder(ReminderType type, Channel channel, Instant dueAt, String dedupeKey,
                              ReminderStatus status, String reason, Map<String, Object> details) {

    public static PlannedReminder scheduled(ReminderType type, Channel channel, Instant dueAt, String key,
                                            Map<String, Object> details) {
        return new PlannedReminder(type, channel, dueAt, key, ReminderStatus.SCHEDULED, null, details);
    }

    public PlannedReminder suppressed(String why) {
        return new PlannedReminder(type, channel, dueAt, dedupeKey, ReminderStatus.SUPPRESSED, why, details);
    }
}
