package io.careline.conversation.model;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
     * Everyone who shares an active membership with the user, in plain SQL with the tenant bound, so that
     * background work without a caller can ask too.
     */
    public List<String> contactsOf(String tenant, String userId) {
        return userIds("""
                SELECT DISTINCT q.user_id FROM participants p JOIN participants q ON q.session_pk = p.session_pk
                WHERE p.tenant_id = ? AND p.user_id = ? AND p.left_at IS NULL AND q.left_at IS NULL
                  AND q.user_id <> p.user_id""", tenant, userId);
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
