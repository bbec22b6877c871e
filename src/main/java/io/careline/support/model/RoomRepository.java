package io.careline.support.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import io.careline.common.TenantScopedEntity;
import io.careline.support.api.RoomState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Support rooms of the current tenant; the queue is the index (desk, state, waiting since, pk). The statements
 * that run without a caller (a grouped send's flags, the escalation scan) are plain SQL with the tenant bound.
 */
@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, Long> {

    @Inject
    AgroalDataSource dataSource;

    /** A room's row once overdue: what escalating it needs. */
    public record Overdue(long pk, String tenant, long deskPk, String sessionId) {
    }

    /** What a message changed on its room: the first agent reply, if it was one. */
    public record Flagged(long deskPk, Instant createdAt, Instant firstResponseAt) {
    }

    /** Native, like the other statements of the claim and the queue read: see {@link DeskRepository}. */
    public Optional<RoomKey> keyOf(String sessionId) {
        return getEntityManager().createNativeQuery("""
                SELECT pk, desk_pk, customer_id, agent_id, session_id FROM support_rooms
                WHERE tenant_id = ?1 AND session_id = ?2""").setParameter(1, TenantScopedEntity.tenantOf(getEntityManager()))
                .setParameter(2, sessionId).getResultStream().map(RoomRepository::keyOf).findFirst();
    }

    /**
     * The room row-locked until commit, read afresh: callers lock the room's session first (the order every writer
     * keeps) and must not have loaded this room earlier in the transaction (Hibernate would return that copy).
     */
    public Room lock(long pk) {
        // Native: Hibernate's MySQL dialect writes "FOR UPDATE OF alias", which MariaDB rejects.
        return (Room) getEntityManager().createNativeQuery("SELECT * FROM support_rooms WHERE pk = ?1 FOR UPDATE",
                Room.class).setParameter(1, pk).getSingleResult();
    }

    public Optional<Room> openOf(long deskPk, String customerId) {
        return find("deskPk = ?1 and openCustomer = ?2", deskPk, customerId).firstResultOptional();
    }

    /**
     * Locks a desk's oldest waiting rooms that no other transaction holds, skipping those (a locking read: it
     * sees the latest state, not the transaction's snapshot); their keys, oldest first. Taking the next room
     * never waits here, so it cannot wait in a cycle with a send that holds a room's session.
     */
    public List<RoomKey> lockOldestFree(long deskPk, int limit) {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT pk, desk_pk, customer_id, agent_id, session_id FROM support_rooms
                WHERE desk_pk = ?1 AND state = 'WAITING' ORDER BY waiting_since, pk LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, deskPk).setParameter(2, limit).getResultList();
        return rows.stream().map(RoomRepository::keyOf).toList();
    }

    private static RoomKey keyOf(Object row) {
        Object[] columns = (Object[]) row;
        return new RoomKey(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue(), (String) columns[2],
                (String) columns[3], (String) columns[4]);
    }

    /** The session ids of a desk's oldest waiting rooms (no entities: see {@link #lock}). */
    public List<String> oldestWaiting(long deskPk, int limit) {
        return waiting(deskPk, null, null, limit).stream().map(QueueRow::sessionId).toList();
    }

    /** Waiting rooms of a desk, oldest first, keyset after (waitingSince, pk): the queue index, no entities. */
    public List<QueueRow> waiting(long deskPk, Instant afterWaitingSince, Long afterPk, int limit) {
        String cursor = afterPk == null ? "" : " AND (waiting_since > ?3 OR (waiting_since = ?3 AND pk > ?4))";
        Query query = getEntityManager().createNativeQuery("""
                SELECT pk, session_id, customer_id, waiting_since, awaiting_reply FROM support_rooms
                WHERE desk_pk = ?1 AND state = 'WAITING'""" + cursor + " ORDER BY waiting_since, pk LIMIT ?2")
                .setParameter(1, deskPk).setParameter(2, limit);
        if (afterPk != null) {
            query.setParameter(3, SqlTime.text(afterWaitingSince)).setParameter(4, afterPk);
        }
        List<QueueRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(new QueueRow(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    SqlTime.read(columns[3]), toBoolean(columns[4])));
        }
        return rows;
    }

    public long waitingCount(long deskPk) {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT COUNT(*) FROM support_rooms WHERE desk_pk = ?1 AND state = 'WAITING'").setParameter(1, deskPk)
                .getSingleResult()).longValue();
    }

    /** How many rooms of the desk the agent holds. */
    public long heldBy(long deskPk, String agentId) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT COUNT(*) FROM support_rooms WHERE tenant_id = ?1 AND agent_id = ?2 AND state = 'ASSIGNED'
                  AND desk_pk = ?3""").setParameter(1, TenantScopedEntity.tenantOf(getEntityManager()))
                .setParameter(2, agentId).setParameter(3, deskPk).getSingleResult()).longValue();
    }

    private static boolean toBoolean(Object column) {
        return column instanceof Boolean flag ? flag : ((Number) column).intValue() != 0;
    }

    /** Agent id to rooms held at the desk, for agents holding any. */
    public Map<String, Long> loads(long deskPk) {
        Map<String, Long> loads = new HashMap<>();
        getEntityManager().createQuery("select r.agentId, count(r) from Room r where r.deskPk = :desk"
                + " and r.state = :state group by r.agentId", Object[].class).setParameter("desk", deskPk)
                .setParameter("state", RoomState.ASSIGNED).getResultList()
                .forEach(row -> loads.put((String) row[0], (Long) row[1]));
        return loads;
    }

    /** An agent's rooms, or only those awaiting their reply, longest waiting first. */
    public List<Room> heldBy(String agentId, boolean awaitingReplyOnly, int limit) {
        return find("agentId = ?1 and state = ?2" + (awaitingReplyOnly ? " and awaitingReply = true" : "")
                + " order by waitingSince, pk", agentId, RoomState.ASSIGNED).page(0, limit).list();
    }

    /** A customer's rooms, newest first. */
    public List<Room> ofCustomer(String customerId, int limit) {
        return find("customerId = ?1 order by createdAt desc, pk desc", customerId).page(0, limit).list();
    }

    /**
     * Sets the awaiting-reply flag for a message in a support session, in the message's transaction, which holds
     * the session's lock (every writer of a room locks its session first): set by the customer, cleared by the
     * holding agent, whose first message is the room's first response. Empty unless it was the first response.
     */
    public Optional<Flagged> flag(long sessionPk, String senderId, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            long pk;
            boolean fromCustomer;
            Flagged firstResponse = null;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT pk, customer_id, agent_id, first_response_at, desk_pk, created_at FROM support_rooms
                    WHERE session_pk = ? AND state <> 'ENDED'""")) {
                select.setLong(1, sessionPk);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    pk = row.getLong(1);
                    fromCustomer = senderId.equals(row.getString(2));
                    if (!fromCustomer && !senderId.equals(row.getString(3))) {
                        return Optional.empty();
                    }
                    if (!fromCustomer && row.getString(4) == null) {
                        firstResponse = new Flagged(row.getLong(5), SqlTime.fromText(row.getString(6)), at);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE support_rooms SET awaiting_reply = ?, first_response_at = COALESCE(first_response_at, ?)
                    WHERE pk = ?""")) {
                update.setBoolean(1, fromCustomer);
                update.setString(2, firstResponse == null ? null : SqlTime.text(at));
                update.setLong(3, pk);
                update.executeUpdate();
            }
            return Optional.ofNullable(firstResponse);
        } catch (SQLException e) {
            throw new IllegalStateException("flagging a support room failed", e);
        }
    }

    /** Waiting rooms past their desk's first-response target and not escalated yet, of every tenant. */
    public List<Overdue> overdue(Instant now, int limit) {
        List<Overdue> overdue = new ArrayList<>();
        for (Object row : getEntityManager().createNativeQuery("""
                SELECT pk, tenant_id, desk_pk, session_id FROM support_rooms
                WHERE state = 'WAITING' AND escalated_at IS NULL AND response_due_at <= ?1
                  AND first_response_at IS NULL ORDER BY response_due_at LIMIT ?2""")
                .setParameter(1, SqlTime.text(now)).setParameter(2, limit).getResultList()) {
            Object[] columns = (Object[]) row;
            overdue.add(new Overdue(((Number) columns[0]).longValue(), (String) columns[1],
                    ((Number) columns[2]).longValue(), (String) columns[3]));
        }
        return overdue;
    }

    /** Marks one escalated; false when another node did first, or it was claimed meanwhile. */
    public boolean markEscalated(long pk, Instant at) {
        return getEntityManager().createNativeQuery("""
                UPDATE support_rooms SET escalated_at = ?1 WHERE pk = ?2 AND escalated_at IS NULL AND state = 'WAITING'""")
                .setParameter(1, SqlTime.text(at)).setParameter(2, pk).executeUpdate() == 1;
    }
}
