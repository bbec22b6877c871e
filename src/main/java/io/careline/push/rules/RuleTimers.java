package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.push.model.PushRuleRepository;
import io.careline.push.model.RuleTimerStore;
import io.careline.push.outbox.PushWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
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
    private static final TypeReference<Map<String, List<String>>> SUBJECTS = new TypeReference<>() {
    };

    @Inject
    RuleTimerStore timers;

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

    @Scheduled(every = "${careline.push.poll-interval}", delayed = "${careline.push.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = PushWorker.WorkersDisabled.class)
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
        Optional<RuleTimerStore.DueTimer> due = timers.claimDue(Instant.now(clock));
        if (due.isEmpty()) {
            return false;
        }
        RuleTimerStore.DueTimer timer = due.get();
        boolean stillThere = timer.toState().equals(timer.currentState());
        if (stillThere) {
            // Before the first ORM call of this transaction: the session takes the tenant it opens with.
            currentTenant.use(timer.tenant());
            rules.findByIdOptional(timer.rulePk()).filter(rule -> rule.enabled).ifPresent(rule -> firing.fire(
                    new Caller(timer.tenant(), SENDER, Set.of(Role.SERVICE), null), ruleService.view(rule),
                    new RuleFiring.Fact(timer.eventId(), timer.entity(), timer.entityId(), timer.fromState(),
                            timer.toState(), subjects(timer.subjects()))));
        }
        timers.finish(timer.pk(), stillThere);
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
