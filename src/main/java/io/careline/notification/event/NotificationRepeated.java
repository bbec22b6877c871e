package io.careline.notification.event;

import io.careline.notification.api.NotificationView;

/**
 * An escalation step asked to alert a recipient again about a notification they have not acknowledged: their
 * devices get the frame again (marked {@code repeat}) and a push, after the step's transaction commits.
 */
public record NotificationRepeated(String tenant, long notificationPk, NotificationView notification, String userId,
        long nseq, int step) {
}
