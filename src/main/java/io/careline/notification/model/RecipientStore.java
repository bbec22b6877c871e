package io.careline.notification.model;

import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recipient rows read and changed without a caller, for many users or every tenant at once: plain SQL with
 * the tenant bound (offline push, the expiry sweep).
 */
@ApplicationScoped
public class RecipientStore {
    @Inject
    EntityManager entityManager;

    /** Each user's unread notifications (neither read, archived nor expired); users with none are absent. */
    public Map<String, Long> unreadCounts(String tenant, Collection<String> userIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT user_id, COUNT(*) FROM notification_recipients
                WHERE tenant_id = ?1 AND user_id IN (?2) AND read_at IS NULL AND archived_at IS NULL
                  AND status <> 'EXPIRED' GROUP BY user_id""").setParameter(1, tenant).setParameter(2, userIds)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
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

    /** Those of the users whose copy is neither acknowledged nor expired (an escalation's SMS or email still goes). */
    public Set<String> unacknowledgedCopies(String tenant, String notificationId, Collection<String> userIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("""
                SELECT r.user_id FROM notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                WHERE n.tenant_id = ?1 AND n.public_id = ?2 AND r.user_id IN (?3) AND r.acknowledged_at IS NULL
                  AND r.status <> 'EXPIRED'""").setParameter(1, tenant)
                .setParameter(2, notificationId).setParameter(3, userIds).getResultList();
        return new HashSet<>(rows);
    }

    /** Marks the user's copy {@code failed}, with a log line, if it is still pending. */
    public void failPending(String tenant, String notificationId, String userId, Instant at) {
        int changed = entityManager.createNativeQuery("""
                UPDATE notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                SET r.status = 'FAILED' WHERE n.tenant_id = ?1 AND n.public_id = ?2 AND r.user_id = ?3
                  AND r.status = 'PENDING'""").setParameter(1, tenant).setParameter(2, notificationId)
                .setParameter(3, userId).executeUpdate();
        if (changed > 0) {
            entityManager.createNativeQuery("""
                    INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, at)
                    SELECT tenant_id, pk, ?1, 'FAILED', ?2 FROM notifications WHERE tenant_id = ?3 AND public_id = ?4""")
                    .setParameter(1, userId).setParameter(2, SqlTime.text(at))
                    .setParameter(3, tenant).setParameter(4, notificationId).executeUpdate();
        }
    }

    /**
     * Locks up to {@code limit} unread copies, of every tenant, whose notification expired by {@code at};
     * rows another transaction holds are skipped (SKIP LOCKED), so two sweeping nodes never take the same.
     */
    public List<Long> lockExpired(Instant at, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> pks = entityManager.createNativeQuery("""
                SELECT r.pk FROM notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                WHERE n.expires_at <= ?1 AND r.status IN ('PENDING', 'DELIVERED')
                ORDER BY r.pk""" + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED").setParameter(1, SqlTime.text(at))
                .getResultList();
        return pks.stream().map(pk -> ((Number) pk).longValue()).toList();
    }

    /** Marks the locked copies {@code expired}, with a log line each (every row carries its own tenant). */
    public void markExpired(List<Long> recipientPks, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, at)
                SELECT tenant_id, notification_pk, user_id, 'EXPIRED', ?1 FROM notification_recipients
                WHERE pk IN (?2)""").setParameter(1, SqlTime.text(at)).setParameter(2, recipientPks).executeUpdate();
        entityManager.createNativeQuery("UPDATE notification_recipients SET status = 'EXPIRED' WHERE pk IN (?1)")
                .setParameter(1, recipientPks).executeUpdate();
    }
}
