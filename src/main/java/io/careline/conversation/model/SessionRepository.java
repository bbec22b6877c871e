package io.careline.conversation.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.TenantScopedEntity;
import io.careline.conversation.api.SessionType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sessions of the current tenant (Hibernate adds the tenant condition to every query here). */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {
    @Inject
    AgroalDataSource dataSource;

    public Optional<Session> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    /** Loads and row-locks a session: every seq allocation and membership change goes through here. */
    public Optional<Session> lockByPublicId(String publicId) {
        // Native, because Hibernate's MySQL 8 dialect writes "FOR UPDATE OF alias", which MariaDB rejects.
        // Native SQL skips the tenant filter, so the session's own tenant is bound explicitly.
        return lock(publicId, "FOR UPDATE");
    }

    /** Like {@link #lockByPublicId}, but empty at once when another transaction holds the row. */
    public Optional<Session> lockUnlessBusy(String publicId) {
        return lock(publicId, "FOR UPDATE SKIP LOCKED");
    }

    private Optional<Session> lock(String publicId, String lockClause) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM sessions WHERE tenant_id = ?1 AND public_id = ?2 " + lockClause,
                        Session.class)
                .setParameter(1, TenantScopedEntity.tenantOf(getEntityManager())).setParameter(2, publicId)
                .getResultStream().findFirst();
    }

    /** One row per session of the user: pinned first, then latest activity; keyset after {@code after}. */
    public List<SessionRow> pageOf(String userId, SessionType type, ListPosition after, int limit) {
        StringBuilder where = new StringBuilder("p.sessionPk = s.pk and p.userId = :user and p.leftAt is null");
        if (type != null) {
            where.append(" and s.type = :type");
        }
        if (after != null) {
            where.append(" and (p.pinned < :pinned or (p.pinned = :pinned and (s.activityAt < :at"
                    + " or (s.activityAt = :at and s.pk < :pk))))");
        }
        TypedQuery<SessionRow> query = getEntityManager().createQuery(
                "select new io.careline.conversation.model.SessionRow(s, p) from Session s, Participant p where " + where
                        + " order by p.pinned desc, s.activityAt desc, s.pk desc", SessionRow.class)
                .setParameter("user", userId)
                .setMaxResults(limit);
        if (type != null) {
            query.setParameter("type", type);
        }
        if (after != null) {
            query.setParameter("pinned", after.pinned()).setParameter("at", after.activityAt())
                    .setParameter("pk", after.pk());
        }
        return query.getResultList();
    }

    /**
     * The user's active sessions with messages after their read position, and that position. Plain JDBC with the
     * tenant bound and no transaction (one read): every device's first sync asks it, most find nothing, and a
     * transaction's extra round trips and Hibernate's session cost more than the query.
     */
    public List<ReadPosition> behindReadPosition(String tenant, String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT s.public_id, p.last_read_seq FROM participants p JOIN sessions s ON s.pk = p.session_pk
                        WHERE p.tenant_id = ? AND p.user_id = ? AND p.left_at IS NULL AND s.tenant_id = ?
                          AND s.last_seq > p.last_read_seq
                        ORDER BY s.activity_at DESC""")) {
            statement.setString(1, tenant);
            statement.setString(2, userId);
            statement.setString(3, tenant);
            List<ReadPosition> positions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.add(new ReadPosition(rows.getString(1), rows.getLong(2)));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw new IllegalStateException("reading read positions failed", e);
        }
    }

    /** Active sessions of the user counted by type. */
    public List<TypeCount> countByType(String userId) {
        return getEntityManager().createQuery("""
                select new io.careline.conversation.model.TypeCount(s.type, count(s)) from Session s, Participant p
                where p.sessionPk = s.pk and p.userId = :user and p.leftAt is null group by s.type""", TypeCount.class)
                .setParameter("user", userId).getResultList();
    }

    /** The sort position of the last row of a page, from which the next page starts. */
    public record ListPosition(boolean pinned, Instant activityAt, long pk) {
    }
}
