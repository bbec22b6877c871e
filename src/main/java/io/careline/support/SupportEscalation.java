package io.careline.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.ServiceLevelConfig;
import io.careline.notification.Escalations;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.RoomRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Escalates, once, each room still waiting for an agent past its desk's first-response target: an urgent
 * notification to the desk's supervisors.
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
    ServiceLevelConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.service-levels.scan-interval}",
            delayed = "${careline.service-levels.scan-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ServiceLevelConfig.ScansDisabled.class)
    void scheduled() {
        runOnce();
    }

    /** Escalates what is overdue now; how many rooms it escalated. */
    public int runOnce() {
        return escalations.scan(() -> rooms.overdue(clock.instant(), config.scanBatch()), RoomRepository.Overdue::tenant,
                this::escalate);
    }

    private boolean escalate(RoomRepository.Overdue overdue) {
        if (!rooms.markEscalated(overdue.pk(), clock.instant())) {
            return false;
        }
        String deskId = desks.findById(overdue.deskPk()).deskId;
        return escalations.raise(overdue.tenant(), deskAgents.supervisorIds(overdue.deskPk()),
                "A support room waits for an agent", "support room " + overdue.sessionId(),
                mapper.createObjectNode().put("deskId", deskId).put("sessionId", overdue.sessionId()));
    }
}
