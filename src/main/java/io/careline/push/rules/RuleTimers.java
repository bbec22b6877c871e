package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.push.model.PushRuleRepository;
import io.careline.push.outbox.PushWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fires timeout rules when they fall due, on whichever node claims them first (SKIP LOCKED), each in its own
 * transaction with the notification it sends; a timer whose entity left the state meanwhile is cancelled. The
 * timers are rows, so a restart loses none.
 */
@ApplicationScoped
public class RuleTimers {
    /** The identity timeout rules send as; a service of the timer's tenant. */
    static final String SENDER = "careline-rules";
    private static final String DUE = """
            SELECT t.pk, t.tenant_id, t.rule_pk, e.event_id, e.entity, e.entity_id, e.from_state, e.to_state,
              e.subjects, s.state
            FROM rule_timers t JOIN business_events e ON e.pk = t.event_pk
            LEFT JOIN entity_states s ON s.tenant_id = e.tenant_id AND s.entity = e.entity AND s.entity_id = e.entity_id
            WHERE t.status = 'PENDING' AND t.due_at <= ? ORDER BY t.due_at LIMIT 1 FOR UPDATE SKIP LOCKED""";
    private static final TypeReference<Map<String, List<String>>> SUBJECTS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PushRuleRepository rules;

    @Inject
    RuleService ruleService;

    @Inject
    RuleFiring firing;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.push.poll-interval:1s}", delayed = "${careline.push.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = PushWorker.WorkersDisabled.class)
    void scheduled() {
        runDue();
    }

    /** Fires or cancels every timer due now; returns how many it handled. */
    @ActivateRequestContext
    public int runDue() {
        int handled = 0;
        while (QuarkusTransaction.requiringNew().call(this::runOne)) {
            handled++;
        }
        return handled;
    }

    private boolean runOne() {
        Optional<DueTimer> due = claimDue();
        if (due.isEmpty()) {
            return false;
        }
        DueTimer timer = due.get();
        boolean stillThere = timer.toState().equals(timer.currentState());
        if (stillThere) {
            // Before the first ORM call of this transaction: the session takes the tenant it opens with.
            currentTenant.use(timer.tenant());
            rules.findByIdOptional(timer.rulePk()).filter(rule -> rule.enabled).ifPresent(rule -> firing.fire(
                    new Caller(timer.tenant(), SENDER, Set.of(Role.SERVICE), null), ruleService.view(rule),
                    new RuleFiring.Fact(timer.eventId(), timer.entity(), timer.entityId(), timer.fromState(),
                            timer.toState(), subjects(timer.subjects()))));
        }
        entityManager.createNativeQuery("UPDATE rule_timers SET status = ?1 WHERE pk = ?2")
                .setParameter(1, stillThere ? "FIRED" : "CANCELLED").setParameter(2, timer.pk()).executeUpdate();
        return true;
    }

    /** A due timer, its event, and the state its entity is in now. */
    private record DueTimer(long pk, String tenant, long rulePk, String eventId, String entity, String entityId,
            String fromState, String toState, String subjects, String currentState) {
    }

    /** Claims the next due timer in plain JDBC, so that no ORM session opens before the tenant is known. */
    private Optional<DueTimer> claimDue() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setString(1, new UtcDateTimeConverter().convertToDatabaseColumn(Instant.now(clock)));
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

    private Map<String, List<String>> subjects(String json) {
        try {
            return mapper.readValue(json, SUBJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event subjects unreadable", e);
        }
    }
}
