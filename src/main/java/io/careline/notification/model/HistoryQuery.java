package io.careline.notification.model;

import io.careline.notification.api.NotificationPriority;
import java.time.Instant;

/**
 * Which of a user's notifications a history page shows. {@code box}: null for the inbox (not archived),
 * or unread, read, archived; {@code byPriority} sorts urgent first instead of newest first.
 */
public record HistoryQuery(String type, NotificationPriority priority, Instant since, Box box, boolean byPriority) {

    /** The history filter {@code status}. */
    public enum Box {
        UNREAD, READ, ARCHIVED
    }
}
