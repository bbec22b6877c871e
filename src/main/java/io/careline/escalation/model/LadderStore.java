package io.careline.escalation.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import io.careline.notification.api.NotificationPriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ladders' rows in native SQL with the tenant bound: they are read and written by the send's group writer
 * and by the scheduled worker, neither of which has a request's tenant for Hibernate's filter.
 */
@ApplicationScoped
public class LadderStore {
    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** A policy as a ladder climbs it: its key and its steps as stored JSON. */
    public record StoredPolicy(long pk, String steps) {
    }

    /** A claimed timer: whose step of which notification, under which policy. */
    public record DueTimer(long pk, String tenant, long notificationPk, String userId, long policyPk, int step) {
    }

    /**
     * The policy a notification climbs: the one its send named, else the most specific one attached to its
     * type and priority (type and priority, then type, then priority).
     */
    public Optional<StoredPolicy> policyFor(String tenant, String policyId, String type, NotificationPriority priority) {
        List<Object[]> rows = policyId != null
                ? entityManager.createNativeQuery("SELECT pk, steps FROM escalation_policies WHERE tenant_id = ?1"
                        + " AND policy_id = ?2", Object[].class).setParameter(1, tenant).setParameter(2, policyId)
                        .getResultList()
                : entityManager.createNativeQuery("""
                        SELECT pk, steps FROM escalation_policies WHERE tenant_id = ?1
                          AND (notification_type = ?2 OR notification_type IS NULL) AND (priority = ?3 OR priority IS NULL)
                          AND (notification_type IS NOT NULL OR priority IS NOT NULL)
                        ORDER BY notification_type IS NULL, priority IS NULL, policy_id LIMIT 1""", Object[].class)
                        .setParameter(1, tenant).setParameter(2, type).setParameter(3, priority.name()).getResultList();
        return rows.stream().findFirst().map(row -> new StoredPolicy(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** A step to schedule: whose, of which notification, under which policy, when. */
    public record NewTimer(String tenant, long notificationPk, String userId, long policyPk, int step, Instant due) {
    }

    /** Schedules the steps in one statement (a step already scheduled for its user stays as it is). */
    public void schedule(List<NewTimer> timers) {
        if (timers.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < timers.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'WAITING')");
        }
        Query insert = entityManager.createNativeQuery("INSERT IGNORE INTO escalation_timers (tenant_id,"
                + " notification_pk, user_id, policy_pk, step, due_at, state) VALUES " + values);
        int position = 1;
        for (NewTimer timer : timers) {
            insert.setParameter(position++, timer.tenant()).setParameter(position++, timer.notificationPk())
                    .setParameter(position++, timer.userId()).setParameter(position++, timer.policyPk())
                    .setParameter(position++, timer.step()).setParameter(position++, SqlTime.text(timer.due()));
        }
        insert.executeUpdate();
    }

    /**
     * Claims up to {@code limit} timers due at {@code now}, all of the tenant whose timer is due first, skipping
     * those another node holds; plain JDBC, so that no ORM session opens before the tenant is known. One tenant
     * per claim: a transaction's ORM session serves the tenant it opened with.
     */
    public List<DueTimer> claimDue(Instant now, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            String tenant;
            try (PreparedStatement first = connection.prepareStatement("""
                    SELECT tenant_id FROM escalation_timers WHERE state = 'WAITING' AND due_at <= ?
                    ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
                first.setString(1, SqlTime.text(now));
                try (ResultSet row = first.executeQuery()) {
                    if (!row.next()) {
                        return List.of();
                    }
                    tenant = row.getString(1);
                }
            }
            List<DueTimer> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT pk, tenant_id, notification_pk, user_id, policy_pk, step FROM escalation_timers
                    WHERE state = 'WAITING' AND due_at <= ? AND tenant_id = ?
                    ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setString(1, SqlTime.text(now));
                select.setString(2, tenant);
                select.setInt(3, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new DueTimer(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                                row.getLong(5), row.getInt(6)));
                    }
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming escalation steps failed", e);
        }
    }

    /** A policy's steps, by key. */
    public Optional<StoredPolicy> policy(long policyPk) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT pk, steps FROM escalation_policies WHERE pk = ?1",
                Object[].class).setParameter(1, policyPk).getResultList();
        return rows.stream().findFirst().map(row -> new StoredPolicy(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** Marks claimed timers fired (by this node, now) or stopped (acknowledged, expired or gone). */
    public void finish(List<Long> timerPks, boolean fired, String node, Instant at) {
        if (timerPks.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("UPDATE escalation_timers SET state = ?1, fired_by = ?2, fired_at = ?3"
                + " WHERE pk IN (?4)").setParameter(1, fired ? "FIRED" : "STOPPED").setParameter(2, node)
                .setParameter(3, SqlTime.text(at)).setParameter(4, timerPks).executeUpdate();
    }
}
