package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** One notification's recipients: how many stand at each status (and archived), and a page of them. */
@RegisterForReflection
public record RecipientPage(String notificationId, int recipientCount, Map<String, Long> byStatus, long archived,
        List<RecipientView> items, String nextCursor) {
}
