package io.careline.notification.event;

import io.careline.notification.api.StatusChange;
import java.util.List;

/**
 * A recipient read, unread, archived or unarchived notifications (public ids) from one device or over REST;
 * their other devices should hear of it.
 *
 * @param origin the WebSocket connection it came over, which gets an answer instead; null over REST
 */
public record NotificationStatusChanged(String tenant, String userId, List<String> ids, StatusChange change,
        String origin) {
}
