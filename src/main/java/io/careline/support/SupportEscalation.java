package io.careline.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.ServiceLevelConfig;
import io.careline.common.security.CurrentTenant;
import io.careline.notification.Escalations;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.RoomRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Escalates, once, each room still waiting for an agent past its desk's first-response target: an urgent
 * notification to the desk's supervisors. Every node scans; the conditional mark decides which one sends.
 */
@ApplicationScoped
public class SupportEscalation {
    @Inject
    RoomRepository rooms;

    @Inject
    DeskRepository desks;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    Escalations escalations;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    ServiceLevelConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.service-levels.scan-interval:30s}",
            delayed = "${careline.service-levels.scan-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ServiceLevelConfig.ScansDisabled.class)
    void scheduled() {
        runOnce();
    }

    /** Escalates what is overdue now; how many rooms it escalated. */
    @ActivateRequestContext
    public int runOnce() {
        List<RoomRepository.Overdue> overdue = QuarkusTransaction.requiringNew()
                .call(() -> rooms.overdue(clock.instant(), config.scanBatch()));
        int escalated = 0;
        for (RoomRepository.Overdue each : overdue) {
            if (QuarkusTransaction.requiringNew().call(() -> escalate(each))) {
                escalated++;
            }
        }
        return escalated;
    }

    private boolean escalate(RoomRepository.Overdue overdue) {
        // Before the first ORM call of this transaction: its session takes the tenant it opens with.
        currentTenant.use(overdue.tenant());
        if (!rooms.markEscalated(overdue.pk(), clock.instant())) {
            return false;
        }
        String deskId = desks.findById(overdue.deskPk()).deskId;
        return escalations.raise(overdue.tenant(), deskAgents.supervisorIds(overdue.deskPk()),
                "A support room waits for an agent", "support room " + overdue.sessionId(),
                mapper.createObjectNode().put("deskId", deskId).put("sessionId", overdue.sessionId()));
    }
}
