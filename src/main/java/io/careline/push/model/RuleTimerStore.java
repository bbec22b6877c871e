package io.careline.push.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Timeout rules' timers: rows per event and rule, fired or cancelled once (plain SQL, the tenant bound). */
@ApplicationScoped
public class RuleTimerStore {
    private static final String DUE = """
            SELECT t.pk, t.tenant_id, t.rule_pk, e.event_id, e.entity, e.entity_id, e.from_state, e.to_state,
              e.subjects, s.state
            FROM rule_timers t JOIN business_events e ON e.pk = t.event_pk
            LEFT JOIN entity_states s ON s.tenant_id = e.tenant_id AND s.entity = e.entity AND s.entity_id = e.entity_id
            WHERE t.status = 'PENDING' AND t.due_at <= ? ORDER BY t.due_at LIMIT 1 FOR UPDATE SKIP LOCKED""";

    /** A due timer, its event (subjects as JSON), and the state its entity is in now. */
    public record DueTimer(long pk, String tenant, long rulePk, String eventId, String entity, String entityId,
            String fromState, String toState, String subjects, String currentState) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** Schedules the tenant's rule {@code ruleId} to fire for the event at {@code due}. */
    public void schedule(String tenant, String ruleId, long eventPk, Instant due) {
        entityManager.createNativeQuery("""
                INSERT INTO rule_timers (tenant_id, rule_pk, event_pk, due_at, status)
                SELECT tenant_id, pk, ?1, ?2, 'PENDING' FROM push_rules WHERE tenant_id = ?3 AND public_id = ?4""")
                .setParameter(1, eventPk).setParameter(2, SqlTime.text(due))
                .setParameter(3, tenant).setParameter(4, ruleId).executeUpdate();
    }

    /** Cancels the entity's pending timers that wait on a state other than {@code state}, which it is in now. */
    public void cancelOthers(String tenant, String entity, String entityId, String state) {
        entityManager.createNativeQuery("""
                UPDATE rule_timers t JOIN business_events e ON e.pk = t.event_pk SET t.status = 'CANCELLED'
                WHERE t.tenant_id = ?1 AND t.status = 'PENDING' AND e.entity = ?2 AND e.entity_id = ?3
                  AND e.to_state <> ?4""").setParameter(1, tenant).setParameter(2, entity)
                .setParameter(3, entityId).setParameter(4, state).executeUpdate();
    }

    /**
     * Claims the next timer due at {@code now}, of any tenant, skipping those another node holds; plain JDBC, so
     * that no ORM session opens before the tenant is known.
     */
    public Optional<DueTimer> claimDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setString(1, SqlTime.text(now));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DueTimer(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming a rule timer failed", e);
        }
    }

    /** Marks a claimed timer fired, or cancelled when its entity had left the state. */
    public void finish(long timerPk, boolean fired) {
        entityManager.createNativeQuery("UPDATE rule_timers SET status = ?1 WHERE pk = ?2")
                .setParameter(1, fired ? "FIRED" : "CANCELLED").setParameter(2, timerPk).executeUpdate();
    }
}
