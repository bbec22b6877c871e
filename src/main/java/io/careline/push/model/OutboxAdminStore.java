package io.careline.push.model;

import io.careline.common.SqlTime;
import io.careline.push.api.PushView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outbox as administrators read and repair it (plain SQL, the tenant bound). */
@ApplicationScoped
public class OutboxAdminStore {
    /** A listed push and its key, which orders the list (newest highest). */
    public record Listed(long pk, PushView push) {
    }

    @Inject
    EntityManager entityManager;

    /** The tenant's pushes newest first, below {@code beforePk} when given; a null filter matches all. */
    public List<Listed> newestFirst(String tenant, OutboxState state, String userId, Channel channel, Long beforePk,
            int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT o.pk, o.push_id, o.user_id, d.device_id, o.channel, o.cause, o.cause_ref, o.state, o.attempts,
                  o.coalesced, o.outcome, o.last_error, o.created_at, o.due_at, o.finished_at
                FROM push_outbox o LEFT JOIN push_devices d ON d.pk = o.device_pk WHERE o.tenant_id = :tenant""");
        if (state != null) {
            sql.append(" AND o.state = :state");
        }
        if (userId != null) {
            sql.append(" AND o.user_id = :user");
        }
        if (channel != null) {
            sql.append(" AND o.channel = :channel");
        }
        if (beforePk != null) {
            sql.append(" AND o.pk < :before");
        }
        sql.append(" ORDER BY o.pk DESC LIMIT ").append(limit);
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("tenant", tenant);
        if (state != null) {
            query.setParameter("state", state.name());
        }
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (channel != null) {
            query.setParameter("channel", channel.name());
        }
        if (beforePk != null) {
            query.setParameter("before", beforePk);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Listed(((Number) row[0]).longValue(), view(row))).toList();
    }

    /** How many of the tenant's pushes are in each state; states with none are absent. */
    public Map<OutboxState, Long> countByState(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT state, COUNT(*) FROM push_outbox WHERE tenant_id = ?1 GROUP BY state")
                .setParameter(1, tenant).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> OutboxState.valueOf((String) row[0]),
                row -> ((Number) row[1]).longValue()));
    }

    /** The push's state, its row locked until the transaction ends; empty when the tenant has no such push. */
    public Optional<OutboxState> lockState(String tenant, String pushId) {
        @SuppressWarnings("unchecked")
        List<Object> states = entityManager.createNativeQuery(
                "SELECT state FROM push_outbox WHERE tenant_id = ?1 AND push_id = ?2 FOR UPDATE")
                .setParameter(1, tenant).setParameter(2, pushId).getResultList();
        return states.stream().findFirst().map(state -> OutboxState.valueOf((String) state));
    }

    /** Queues the push again, due at {@code at}, with its attempts counted afresh. */
    public void requeue(String tenant, String pushId, Instant at) {
        entityManager.createNativeQuery("""
                UPDATE push_outbox SET state = 'QUEUED', attempts = 0, due_at = ?1, outcome = NULL, finished_at = NULL
                WHERE tenant_id = ?2 AND push_id = ?3""").setParameter(1, SqlTime.text(at))
                .setParameter(2, tenant).setParameter(3, pushId).executeUpdate();
    }

    private static PushView view(Object[] row) {
        return new PushView((String) row[1], (String) row[2], (String) row[3], Channel.valueOf((String) row[4]),
                (String) row[5], (String) row[6], OutboxState.valueOf((String) row[7]), ((Number) row[8]).intValue(),
                ((Number) row[9]).intValue(), (String) row[10], (String) row[11], SqlTime.read(row[12]),
                SqlTime.read(row[13]), SqlTime.read(row[14]));
    }
}
