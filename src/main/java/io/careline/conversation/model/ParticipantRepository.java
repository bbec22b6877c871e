package io.careline.conversation.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlMarks;
import io.careline.conversation.api.MemberState;
import io.careline.conversation.api.SessionType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Memberships of sessions of the current tenant. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, Long> {
    @Inject
    AgroalDataSource dataSource;

    public Optional<Participant> find(long sessionPk, String userId) {
        return find("sessionPk = ?1 and userId = ?2", sessionPk, userId).firstResultOptional();
    }

    /** Every membership row, active or left, in join order. */
    public List<Participant> allOf(long sessionPk) {
        return list("sessionPk = ?1 order by pk", sessionPk);
    }

    public List<Participant> activeOf(long sessionPk) {
        return list("sessionPk = ?1 and leftAt is null order by pk", sessionPk);
    }

    /**
     * Moves a read position forward to {@code seq}; a conditional update, so two devices marking at once can
     * only move it forward. Returns whether it moved.
     */
    public int moveReadPosition(long participantPk, long seq) {
        return update("lastReadSeq = ?1 where pk = ?2 and lastReadSeq < ?1", seq, participantPk);
    }

    /** Session pk to user id to read position, for the members of the given sessions (one query, tenant bound). */
    public Map<Long, Map<String, Long>> readPositions(String tenant, Collection<Long> sessionPks) {
        Map<Long, Map<String, Long>> positions = new HashMap<>();
        if (sessionPks.isEmpty()) {
            return positions;
        }
        for (Object row : getEntityManager().createNativeQuery(
                "SELECT session_pk, user_id, last_read_seq FROM participants WHERE tenant_id = ?1 AND session_pk IN ?2")
                .setParameter(1, tenant).setParameter(2, sessionPks).getResultList()) {
            Object[] columns = (Object[]) row;
            positions.computeIfAbsent(((Number) columns[0]).longValue(), pk -> new HashMap<>())
                    .put((String) columns[1], ((Number) columns[2]).longValue());
        }
        return positions;
    }

    /** Marks the patient's memberships of the consultation sessions they share with the doctor (native: a join). */
    public int blockSending(String tenant, String doctorId, String patientId, boolean blocked) {
        return getEntityManager().createNativeQuery("""
                UPDATE participants p
                JOIN participants d ON d.session_pk = p.session_pk AND d.user_id = ?1
                JOIN sessions s ON s.pk = p.session_pk AND s.type = ?2
                SET p.send_blocked = ?3 WHERE p.tenant_id = ?4 AND p.user_id = ?5""")
                .setParameter(1, doctorId).setParameter(2, SessionType.CONSULTATION.code()).setParameter(3, blocked)
                .setParameter(4, tenant).setParameter(5, patientId).executeUpdate();
    }

    public boolean shareASession(String userId, String otherUserId) {
        return getEntityManager().createQuery("""
                select count(p) from Participant p, Participant q
                where p.sessionPk = q.sessionPk and p.userId = :a and q.userId = :b
                  and p.leftAt is null and q.leftAt is null""", Long.class)
                .setParameter("a", userId).setParameter("b", otherUserId).setMaxResults(1)
                .getSingleResult() > 0;
    }

    /**
     * The user ids of a session's active members, in plain SQL: it runs for every delivered event, and the
     * session's surrogate key already belongs to one tenant.
     */
    public List<String> activeUserIds(long sessionPk) {
        return userIds("SELECT user_id FROM participants WHERE session_pk = ? AND left_at IS NULL ORDER BY pk",
                sessionPk);
    }

    /**
     * For each of the users, everyone who shares an active membership with them (users with nobody are left
     * out): one query for a whole batch of presence changes, in plain SQL with the tenant bound, so that
     * background work without a caller can ask.
     */
    public Map<String, List<String>> contactsOf(String tenant, Collection<String> userIds) {
        Map<String, List<String>> contacts = new HashMap<>();
        if (userIds.isEmpty()) {
            return contacts;
        }
        String sql = """
                SELECT DISTINCT p.user_id, q.user_id
                FROM participants p JOIN participants q ON q.session_pk = p.session_pk
                WHERE p.tenant_id = ? AND p.user_id IN (%s) AND p.left_at IS NULL AND q.left_at IS NULL
                  AND q.user_id <> p.user_id""".formatted(SqlMarks.of(userIds.size()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            int index = 2;
            for (String userId : userIds) {
                statement.setString(index++, userId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    contacts.computeIfAbsent(rows.getString(1), user -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return contacts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading contacts failed", e);
        }
    }

    /**
     * The memberships of the given users in the given session, with the session's status (plain SQL with the
     * tenant bound: the push workers serve every tenant, without a caller).
     */
    public List<MemberState> states(String tenant, long sessionPk, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT p.user_id, p.role, p.muted, p.left_at IS NULL, s.status = 'ACTIVE', p.last_read_seq
                FROM participants p JOIN sessions s ON s.pk = p.session_pk
                WHERE p.tenant_id = ? AND p.session_pk = ? AND p.user_id IN (%s)"""
                .formatted(SqlMarks.of(userIds.size()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setLong(2, sessionPk);
            int i = 3;
            for (String userId : userIds) {
                statement.setString(i++, userId);
            }
            List<MemberState> states = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.add(new MemberState(sessionPk, rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            rows.getBoolean(4), rows.getBoolean(5), rows.getLong(6)));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("reading member states failed", e);
        }
    }

    /** Unread messages per user over all their active sessions (plain SQL with the tenant bound; zeros omitted). */
    public Map<String, Long> unreadTotals(String tenant, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        String sql = """
                SELECT p.user_id, COUNT(m.pk) FROM participants p
                JOIN messages m ON m.session_pk = p.session_pk AND m.seq > p.last_read_seq
                  AND (p.left_seq IS NULL OR m.seq <= p.left_seq) AND m.sender_id <> p.user_id AND m.type <> ?
                  AND m.recalled_at IS NULL
                WHERE p.tenant_id = ? AND p.left_at IS NULL AND p.user_id IN (%s) GROUP BY p.user_id"""
                .formatted(SqlMarks.of(userIds.size()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, MessageType.SYSTEM.code());
            statement.setString(2, tenant);
            int i = 3;
            for (String userId : userIds) {
                statement.setString(i++, userId);
            }
            Map<String, Long> totals = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getLong(2));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("counting unread messages failed", e);
        }
    }

    private List<String> userIds(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("reading participants failed", e);
        }
    }
}
