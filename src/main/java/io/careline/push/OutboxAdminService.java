package io.careline.push;

import io.careline.common.UtcDateTimeConverter;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.push.api.PushPage;
import io.careline.push.api.PushView;
import io.careline.push.model.Channel;
import io.careline.push.model.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tenant's outbox for admins: listed by state, user and channel, and a dead push sent again. */
@ApplicationScoped
public class OutboxAdminService {
    private static final UtcDateTimeConverter TIME = new UtcDateTimeConverter();

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional
    public PushPage list(Caller caller, OutboxState state, String userId, Channel channel, int limit, String cursor) {
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
        if (cursor != null) {
            sql.append(" AND o.pk < :after");
        }
        sql.append(" ORDER BY o.pk DESC LIMIT ").append(limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("tenant", caller.tenant());
        if (state != null) {
            query.setParameter("state", state.name());
        }
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (channel != null) {
            query.setParameter("channel", channel.name());
        }
        if (cursor != null) {
            query.setParameter("after", PageCursor.decode(cursor, 1).get(0));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        KeysetPage<Object[]> page = KeysetPage.of(new ArrayList<>(rows), limit);
        return new PushPage(page.map(OutboxAdminService::view),
                page.nextCursor(row -> PageCursor.of(((Number) row[0]).longValue())));
    }

    /** How many of the tenant's pushes are in each state, every state listed (0 when none). */
    @Transactional
    public Map<String, Long> countByState(Caller caller) {
        Map<String, Long> counts = new TreeMap<>();
        for (OutboxState state : OutboxState.values()) {
            counts.put(state.wire(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT state, COUNT(*) FROM push_outbox WHERE tenant_id = ?1 GROUP BY state")
                .setParameter(1, caller.tenant()).getResultList();
        rows.forEach(row -> counts.put(OutboxState.valueOf((String) row[0]).wire(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** Puts a dead push back in the queue, due now, with its attempts counted afresh. */
    @Transactional
    public void retry(Caller caller, String pushId) {
        @SuppressWarnings("unchecked")
        List<Object> states = entityManager.createNativeQuery(
                "SELECT state FROM push_outbox WHERE tenant_id = ?1 AND push_id = ?2 FOR UPDATE")
                .setParameter(1, caller.tenant()).setParameter(2, pushId).getResultList();
        if (states.isEmpty()) {
            throw new DomainException(ErrorCode.PUSH_NOT_FOUND, "No such push.");
        }
        if (!OutboxState.DEAD.name().equals(states.get(0))) {
            throw new DomainException(ErrorCode.PUSH_NOT_DEAD, "Only a dead push can be retried.");
        }
        entityManager.createNativeQuery("""
                UPDATE push_outbox SET state = 'QUEUED', attempts = 0, due_at = ?1, outcome = NULL, finished_at = NULL
                WHERE tenant_id = ?2 AND push_id = ?3""").setParameter(1, TIME.convertToDatabaseColumn(Instant.now(clock)))
                .setParameter(2, caller.tenant()).setParameter(3, pushId).executeUpdate();
    }

    private static PushView view(Object[] row) {
        return new PushView((String) row[1], (String) row[2], (String) row[3], Channel.valueOf((String) row[4]),
                (String) row[5], (String) row[6], OutboxState.valueOf((String) row[7]), ((Number) row[8]).intValue(),
                ((Number) row[9]).intValue(), (String) row[10], (String) row[11], UtcDateTimeConverter.fromNative(row[12]),
                UtcDateTimeConverter.fromNative(row[13]), UtcDateTimeConverter.fromNative(row[14]));
    }
}
