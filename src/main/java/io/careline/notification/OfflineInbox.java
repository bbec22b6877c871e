package io.careline.notification;

import io.careline.common.Batches;
import io.careline.conversation.ParticipantService;
import io.careline.notification.model.RecipientStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What offline push asks of the inbox when a push leaves, for many users at once and without a caller (plain
 * SQL with the tenant bound): app badges, which copies are still unread, and which copies failed to reach
 * anyone.
 */
@ApplicationScoped
public class OfflineInbox {
    private static final int CHUNK = 1000;

    @Inject
    RecipientStore recipients;

    @Inject
    ParticipantService participants;

    /** Each user's app badge: unread messages plus unread notifications (as {@code GET /api/v1/me/unread}). */
    public Map<String, Long> badges(String tenant, Collection<String> userIds) {
        Map<String, Long> badges = new HashMap<>(participants.unreadTotals(tenant, userIds));
        for (List<String> chunk : Batches.of(List.copyOf(userIds), CHUNK)) {
            recipients.unreadCounts(tenant, chunk).forEach((userId, unread) -> badges.merge(userId, unread, Long::sum));
        }
        return badges;
    }

    /** Those of the users whose copy of the notification is neither read, archived nor expired. */
    public Set<String> unreadCopies(String tenant, String notificationId, Collection<String> userIds) {
        return recipients.unreadCopies(tenant, notificationId, userIds);
    }

    /** Those of the users whose copy of the notification is neither acknowledged nor expired. */
    public Set<String> unacknowledgedCopies(String tenant, String notificationId, Collection<String> userIds) {
        return recipients.unacknowledgedCopies(tenant, notificationId, userIds);
    }

    /**
     * Marks a copy that reached nobody {@code failed}, with a {@code failed} log line: called when every push
     * of it is dead, and only a copy still pending (never written to a live device) changes.
     */
    public void failed(String tenant, String notificationId, String userId, Instant at) {
        recipients.failPending(tenant, notificationId, userId, at);
    }
}
