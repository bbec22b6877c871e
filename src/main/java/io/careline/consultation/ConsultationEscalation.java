package io.careline.consultation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.ServiceLevelConfig;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.consultation.model.ConsultationRepository;
import io.careline.notification.Escalations;
import io.careline.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Escalates, once, each consultation still unanswered past its doctor's first-response target: an urgent
 * notification to the doctor's team (the doctor and the nurses of their department). Every node scans; the
 * conditional mark decides which one sends.
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

    /** Escalates what is overdue now; how many consultations it escalated. */
    @ActivateRequestContext
    public int runOnce() {
        List<ConsultationRepository.Overdue> overdue = QuarkusTransaction.requiringNew()
                .call(() -> consultations.overdue(clock.instant(), config.scanBatch()));
        int escalated = 0;
        for (ConsultationRepository.Overdue each : overdue) {
            if (QuarkusTransaction.requiringNew().call(() -> escalate(each))) {
                escalated++;
            }
        }
        return escalated;
    }

    private boolean escalate(ConsultationRepository.Overdue overdue) {
        // Before the first ORM call of this transaction: its session takes the tenant it opens with.
        currentTenant.use(overdue.tenant());
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
