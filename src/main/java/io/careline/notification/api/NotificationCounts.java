package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The caller's unread notifications (not archived, not expired): in total, by type and by priority; and those
 * waiting for their acknowledgement (not expired).
 */
@RegisterForReflection
public record NotificationCounts(long unread, Map<String, Long> byType, Map<String, Long> byPriority,
        long unacknowledged) {
}
