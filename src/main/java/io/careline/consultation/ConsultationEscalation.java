package io.careline.consultation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.ServiceLevelConfig;
import io.careline.common.security.Role;
import io.careline.consultation.model.ConsultationRepository;
import io.careline.notification.Escalations;
import io.careline.user.UserService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * Escalates, once, each consultation still unanswered past its doctor's first-response target: an urgent
 * notification to the doctor's team (the doctor and the nurses of their department).
 */
@ApplicationScoped
public class ConsultationEscalation {
    @Inject
    ConsultationRepository consultations;

    @Inject
    Escalations escalations;

    @Inject
    UserService users;

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

    /** Escalates what is overdue now; how many consultations it escalated. */
    public int runOnce() {
        return escalations.scan(() -> consultations.overdue(clock.instant(), config.scanBatch()),
                ConsultationRepository.Overdue::tenant, this::escalate);
    }

    private boolean escalate(ConsultationRepository.Overdue overdue) {
        if (!consultations.markEscalated(overdue.pk(), clock.instant())) {
            return false;
        }
        return escalations.raise(overdue.tenant(), team(overdue.doctorId()), "A consultation waits for its first reply",
                "consultation " + overdue.consultationId(), mapper.createObjectNode()
                        .put("consultationId", overdue.consultationId()).put("sessionId", overdue.sessionId()));
    }

    private Set<String> team(String doctorId) {
        Set<String> team = new TreeSet<>(Set.of(doctorId));
        users.departmentOf(doctorId).ifPresent(department -> users.inDepartment(department).forEach((userId, role) -> {
            if (role == Role.NURSE) {
                team.add(userId);
            }
        }));
        return team;
    }
}
