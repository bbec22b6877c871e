package io.careline.notification;

import io.careline.common.Batches;
import io.careline.common.UtcDateTimeConverter;
import io.careline.conversation.ParticipantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    EntityManager entityManager;

    @Inject
    ParticipantService participants;

    /** Each user's app badge: unread messages plus unread notifications (as {@code GET /api/v1/me/unread}). */
    public Map<String, Long> badges(String tenant, Collection<String> userIds) {
        Map<String, Long> badges = new HashMap<>(participants.unreadTotals(tenant, userIds));
        for (List<String> chunk : Batches.of(List.copyOf(userIds), CHUNK)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT user_id, COUNT(*) FROM notification_recipients
                    WHERE tenant_id = ?1 AND user_id IN (?2) AND read_at IS NULL AND archived_at IS NULL
                      AND status <> 'EXPIRED' GROUP BY user_id""").setParameter(1, tenant).setParameter(2, chunk)
                    .getResultList();
            for (Object[] row : rows) {
                badges.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum);
            }
        }
        return badges;
    }

    /** Those of the users whose copy of the notification is neither read, archived nor expired. */
    public Set<String> unreadCopies(String tenant, String notificationId, Collection<String> userIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("""
                SELECT r.user_id FROM notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                WHERE n.tenant_id = ?1 AND n.public_id = ?2 AND r.user_id IN (?3) AND r.read_at IS NULL
                  AND r.archived_at IS NULL AND r.status <> 'EXPIRED'""").setParameter(1, tenant)
                .setParameter(2, notificationId).setParameter(3, userIds).getResultList();
        return new HashSet<>(rows);
    }

    /**
     * Marks a copy that reached nobody {@code failed}, with a {@code failed} log line: called when every push
     * of it is dead, and only a copy still pending (never written to a live device) changes.
     */
    public void failed(String tenant, String notificationId, String userId, Instant at) {
        int changed = entityManager.createNativeQuery("""
                UPDATE notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                SET r.status = 'FAILED' WHERE n.tenant_id = ?1 AND n.public_id = ?2 AND r.user_id = ?3
                  AND r.status = 'PENDING'""").setParameter(1, tenant).setParameter(2, notificationId)
                .setParameter(3, userId).executeUpdate();
        if (changed > 0) {
            entityManager.createNativeQuery("""
                    INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, at)
                    SELECT tenant_id, pk, ?1, 'FAILED', ?2 FROM notifications WHERE tenant_id = ?3 AND public_id = ?4""")
                    .setParameter(1, userId).setParameter(2, new UtcDateTimeConverter().convertToDatabaseColumn(at))
                    .setParameter(3, tenant).setParameter(4, notificationId).executeUpdate();
        }
    }
}
