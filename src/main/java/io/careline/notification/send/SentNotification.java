package io.careline.notification.send;

import io.careline.notification.model.Notification;
import java.util.List;

/**
 * A send's stored notification: new ({@code created}, with its recipients in user-id order), or the first one
 * stored under the same idempotency key (no recipients listed).
 */
public record SentNotification(Notification notification, List<String> recipients, boolean created) {

    /** The first notification stored under a repeated key. */
    static SentNotification repeated(Notification first) {
        return new SentNotification(first, List.of(), false);
    }
}
