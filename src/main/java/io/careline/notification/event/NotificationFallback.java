package io.careline.notification.event;

import io.careline.notification.api.NotificationView;

/**
 * An escalation step asked to reach a recipient off the app about a notification they have not acknowledged:
 * a text message or an email to the address on their profile, queued in the push outbox in the step's
 * transaction, so that the step and its message exist together or not at all.
 */
public record NotificationFallback(String tenant, long notificationPk, NotificationView notification, String userId,
        int step, Medium medium) {

    /** How the recipient is reached. */
    public enum Medium {
        SMS, EMAIL
    }
}
