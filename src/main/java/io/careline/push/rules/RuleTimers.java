package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.push.PushWorker;
import io.careline.push.model.PushRuleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private static final TypeReference<Map<String, List<String>>> SUBJECTS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

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
        String now = new UtcDateTimeConverter().convertToDatabaseColumn(Instant.now(clock));
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                SELECT t.pk, t.tenant_id, t.rule_pk, e.event_id, e.entity, e.entity_id, e.from_state, e.to_state,
                  e.subjects, s.state
                FROM rule_timers t JOIN business_events e ON e.pk = t.event_pk
                LEFT JOIN entity_states s ON s.tenant_id = e.tenant_id AND s.entity = e.entity AND s.entity_id = e.entity_id
                WHERE t.status = 'PENDING' AND t.due_at <= ?1 ORDER BY t.due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] timer = due.get(0);
        String tenant = (String) timer[1];
        String toState = (String) timer[7];
        boolean stillThere = toState.equals(timer[9]);
        if (stillThere) {
            currentTenant.use(tenant);
            rules.findByIdOptional(((Number) timer[2]).longValue()).filter(rule -> rule.enabled).ifPresent(rule ->
                    firing.fire(new Caller(tenant, SENDER, Set.of(Role.SERVICE), null), ruleService.view(rule),
                            new RuleFiring.Fact((String) timer[3], (String) timer[4], (String) timer[5],
                                    (String) timer[6], toState, subjects((String) timer[8]))));
        }
        entityManager.createNativeQuery("UPDATE rule_timers SET status = ?1 WHERE pk = ?2")
                .setParameter(1, stillThere ? "FIRED" : "CANCELLED").setParameter(2, timer[0]).executeUpdate();
        return true;
    }

    private Map<String, List<String>> subjects(String json) {
        try {
            return mapper.readValue(json, SUBJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event subjects unreadable", e);
        }
    }
}
