package io.careline.admin.model;

import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The admin_audit table: one row per administrator's action on other people's connections. */
@ApplicationScoped
public class AuditStore {
    /** One stored action; {@code pk} orders them (newest highest). */
    public record Row(long pk, String auditId, String actorId, String action, String targetUserId,
            List<String> connectionIds, String reason, Instant createdAt) {
    }

    @Inject
    EntityManager entityManager;

    public void insert(String tenant, String auditId, String actorId, String action, String targetUserId,
            List<String> connectionIds, String reason, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO admin_audit (tenant_id, audit_id, actor_id, action, target_user_id, connection_ids, reason,
                  created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, tenant).setParameter(2, auditId).setParameter(3, actorId)
                .setParameter(4, action).setParameter(5, targetUserId)
                .setParameter(6, String.join(" ", connectionIds)).setParameter(7, reason)
                .setParameter(8, SqlTime.text(at)).executeUpdate();
    }

    /** The tenant's actions newest first, below {@code beforePk} when given, at most {@code limit}. */
    public List<Row> newestFirst(String tenant, Long beforePk, int limit) {
        String sql = "SELECT pk, audit_id, actor_id, action, target_user_id, connection_ids, reason, created_at"
                + " FROM admin_audit WHERE tenant_id = :tenant" + (beforePk == null ? "" : " AND pk < :before")
                + " ORDER BY pk DESC LIMIT " + limit;
        Query query = entityManager.createNativeQuery(sql).setParameter("tenant", tenant);
        if (beforePk != null) {
            query.setParameter("before", beforePk);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AuditStore::row).toList();
    }

    private static Row row(Object[] row) {
        String ids = (String) row[5];
        return new Row(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], ids.isEmpty() ? List.of() : Arrays.asList(ids.split(" ")), (String) row[6],
                SqlTime.read(row[7]));
    }
}
