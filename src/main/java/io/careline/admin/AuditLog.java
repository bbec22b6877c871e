package io.careline.admin;

import io.careline.admin.api.AuditEntryView;
import io.careline.admin.api.AuditPage;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The tenant's record of what administrators did to other people's connections, newest first. */
@ApplicationScoped
public class AuditLog {
    static final String DISCONNECT = "disconnect";
    private static final UtcDateTimeConverter TIME = new UtcDateTimeConverter();

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Records one action and answers its audit id. */
    @Transactional
    public String record(Caller actor, String action, String targetUserId, List<String> connectionIds, String reason) {
        String auditId = UUID.randomUUID().toString();
        entityManager.createNativeQuery("""
                INSERT INTO admin_audit (tenant_id, audit_id, actor_id, action, target_user_id, connection_ids, reason,
                  created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, actor.tenant()).setParameter(2, auditId).setParameter(3, actor.userId())
                .setParameter(4, action).setParameter(5, targetUserId)
                .setParameter(6, String.join(" ", connectionIds)).setParameter(7, reason)
                .setParameter(8, TIME.convertToDatabaseColumn(Instant.now(clock))).executeUpdate();
        return auditId;
    }

    @Transactional
    public AuditPage list(Caller caller, int limit, String cursor) {
        String sql = "SELECT pk, audit_id, actor_id, action, target_user_id, connection_ids, reason, created_at"
                + " FROM admin_audit WHERE tenant_id = :tenant" + (cursor == null ? "" : " AND pk < :after")
                + " ORDER BY pk DESC LIMIT " + (limit + 1);
        Query query = entityManager.createNativeQuery(sql).setParameter("tenant", caller.tenant());
        if (cursor != null) {
            query.setParameter("after", PageCursor.decode(cursor, 1).get(0));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        KeysetPage<Object[]> page = KeysetPage.of(new ArrayList<>(rows), limit);
        return new AuditPage(page.map(AuditLog::view),
                page.nextCursor(row -> PageCursor.of(((Number) row[0]).longValue())));
    }

    private static AuditEntryView view(Object[] row) {
        String ids = (String) row[5];
        return new AuditEntryView((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                ids.isEmpty() ? List.of() : Arrays.asList(ids.split(" ")), (String) row[6],
                UtcDateTimeConverter.fromNative(row[7]));
    }
}
