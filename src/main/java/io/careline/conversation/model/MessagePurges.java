package io.careline.conversation.model;

import io.careline.common.SqlTime;
import io.careline.conversation.api.SessionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Retention's statements on messages: content older than a cutoff replaced by a tombstone in the sessions of
 * one type that are not on legal hold. Rows and seqs stay, so unread counts and resumes are unchanged. Every
 * node may purge at once: a row is written only while it is not yet purged, so each is purged once.
 */
@ApplicationScoped
public class MessagePurges {
    @Inject
    EntityManager entityManager;

    /** Purges at most {@code limit} messages; returns how many it purged. */
    public int purge(String tenant, SessionType type, Instant cutoff, Instant now, int limit) {
        int purged = entityManager.createNativeQuery("""
                UPDATE messages SET content = '{}', purged_at = ?1
                WHERE session_pk IN (SELECT pk FROM sessions WHERE tenant_id = ?2 AND type = ?3
                                     AND legal_hold_at IS NULL)
                  AND created_at < ?4 AND purged_at IS NULL
                ORDER BY pk LIMIT ?5""")
                .setParameter(1, SqlTime.text(now)).setParameter(2, tenant).setParameter(3, type.code())
                .setParameter(4, SqlTime.text(cutoff)).setParameter(5, limit).executeUpdate();
        if (purged > 0) {
            // The audit trail's copies of purged messages go with them; previews of purged last messages too.
            entityManager.createNativeQuery("""
                    UPDATE message_audit a JOIN messages m ON m.session_pk = a.session_pk AND m.seq = a.seq
                    SET a.content = NULL WHERE a.tenant_id = ?1 AND m.purged_at IS NOT NULL AND a.content IS NOT NULL""")
                    .setParameter(1, tenant).executeUpdate();
            entityManager.createNativeQuery("""
                    UPDATE sessions SET last_message_preview = NULL
                    WHERE tenant_id = ?1 AND type = ?2 AND legal_hold_at IS NULL AND last_message_at < ?3
                      AND last_message_preview IS NOT NULL""")
                    .setParameter(1, tenant).setParameter(2, type.code()).setParameter(3, SqlTime.text(cutoff))
                    .executeUpdate();
        }
        return purged;
    }
}
