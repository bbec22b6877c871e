package io.careline.notification.model;

import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Retention's statement on notifications: title, body and metadata older than a cutoff replaced by a tombstone.
 * Recipient rows, nseqs and statuses stay, so badges are unchanged. A row is written only while not yet purged,
 * so nodes purging at once purge each row once.
 */
@ApplicationScoped
public class NotificationPurges {
    @Inject
    EntityManager entityManager;

    /** Purges at most {@code limit} notifications of the tenant; returns how many it purged. */
    public int purge(String tenant, Instant cutoff, Instant now, int limit) {
        return entityManager.createNativeQuery("""
                UPDATE notifications SET title = '', body = '', metadata = NULL, purged_at = ?1
                WHERE tenant_id = ?2 AND created_at < ?3 AND purged_at IS NULL ORDER BY created_at LIMIT ?4""")
                .setParameter(1, SqlTime.text(now)).setParameter(2, tenant).setParameter(3, SqlTime.text(cutoff))
                .setParameter(4, limit).executeUpdate();
    }
}
