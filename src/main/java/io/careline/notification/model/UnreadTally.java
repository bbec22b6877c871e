package io.careline.notification.model;

import io.careline.notification.api.NotificationPriority;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many unread notifications of one type and priority a user has. */
@RegisterForReflection
public record UnreadTally(String type, NotificationPriority priority, long count) {
}
