package io.careline.escalation;

import io.careline.common.Times;
import io.careline.common.cluster.NodeIdentity;
import io.careline.common.problem.DomainException;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.escalation.api.EscalationStep;
import io.careline.escalation.model.LadderStore;
import io.careline.notification.Reminders;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.event.NotificationFallback;
import io.careline.notification.send.NotificationSender;
import io.careline.user.Contact;
import io.careline.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires escalation steps when they fall due, on whichever node claims each first (SKIP LOCKED), in transactions
 * of up to {@code steps-per-transaction} steps of one tenant with what they send: a step fires only while its
 * recipient has not acknowledged, logs an {@code escalated} line, and schedules the next step. A node killed
 * mid-batch rolls its steps back, and another node fires them.
 */
@ApplicationScoped
public class LadderWorker {
    @Inject
    LadderStore ladders;

    @Inject
    PolicyService policies;

    @Inject
    Reminders reminders;

    @Inject
    NotificationSender notifications;

    @Inject
    RosterService rosters;

    @Inject
    UserService users;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    NodeIdentity node;

    @Inject
    EscalationConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.escalation.poll-interval}", delayed = "${careline.escalation.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDue();
    }

    /** Fires or stops the steps due now, at most {@code max-steps-per-poll}; returns how many it handled. */
    @ActivateRequestContext
    public int runDue() {
        int handled = 0;
        while (handled < config.maxStepsPerPoll()) {
            int limit = Math.min(config.stepsPerTransaction(), config.maxStepsPerPoll() - handled);
            int batch = QuarkusTransaction.requiringNew().call(() -> runBatch(limit));
            if (batch == 0) {
                break;
            }
            handled += batch;
        }
        return handled;
    }

    /**
     * Claims up to {@code limit} due steps of one tenant and fires or stops each, in one transaction: one commit
     * for all of them, and every read (copies, policies, contact details) made once for the batch.
     */
    private int runBatch(int limit) {
        Instant now = Times.now(clock);
        List<LadderStore.DueTimer> due = ladders.claimDue(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        String tenant = due.get(0).tenant();
        // Before the first ORM call of this transaction: the session takes the tenant it opens with.
        currentTenant.use(tenant);
        Map<Reminders.Copy, NotificationView> waiting = reminders.unacknowledged(due.stream()
                .map(timer -> new Reminders.Copy(timer.notificationPk(), timer.userId())).toList());
        Map<Long, List<EscalationStep>> policySteps = new HashMap<>();
        due.forEach(timer -> policySteps.computeIfAbsent(timer.policyPk(), pk -> ladders.policy(pk)
                .map(policy -> policies.steps(policy.steps())).orElse(List.of())));
        boolean offApp = due.stream().anyMatch(timer -> {
            List<EscalationStep> steps = policySteps.get(timer.policyPk());
            return timer.step() < steps.size() && steps.get(timer.step()).action().offApp();
        });
        Map<String, Contact> contacts = offApp ? users.contactsIn(tenant, due.stream()
                .map(LadderStore.DueTimer::userId).distinct().toList()) : Map.of();
        List<Long> fired = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        List<Reminders.Escalated> lines = new ArrayList<>();
        List<LadderStore.NewTimer> next = new ArrayList<>();
        for (LadderStore.DueTimer timer : due) {
            NotificationView copy = waiting.get(new Reminders.Copy(timer.notificationPk(), timer.userId()));
            List<EscalationStep> steps = policySteps.get(timer.policyPk());
            if (copy == null || timer.step() >= steps.size()) {
                stopped.add(timer.pk());
                continue;
            }
            EscalationStep step = steps.get(timer.step());
            lines.add(new Reminders.Escalated(timer.notificationPk(), timer.userId(),
                    "step " + (timer.step() + 1) + ": " + fire(timer, copy, step,
                            contacts.getOrDefault(timer.userId(), Contact.NONE))));
            fired.add(timer.pk());
            if (timer.step() + 1 < steps.size()) {
                Instant at = copy.createdAt().plusSeconds(steps.get(timer.step() + 1).afterSeconds());
                next.add(new LadderStore.NewTimer(tenant, timer.notificationPk(), timer.userId(), timer.policyPk(),
                        timer.step() + 1, at.isBefore(now) ? now : at));
            }
        }
        reminders.logEscalations(tenant, lines, now);
        ladders.finish(fired, true, node.id(), now);
        ladders.finish(stopped, false, node.id(), now);
        ladders.schedule(next);
        return due.size();
    }

    /** Does what the step says; answers what it did, for the log line. */
    private String fire(LadderStore.DueTimer timer, NotificationView copy, EscalationStep step, Contact contact) {
        return switch (step.action()) {
            case REPEAT -> {
                reminders.repeat(timer.tenant(), timer.notificationPk(), copy, timer.userId(), timer.step() + 1);
                yield "repeat (frame and push)";
            }
            case NOTIFY_ROLE -> "notify_role " + (step.role() != null ? step.role().wire() : step.department())
                    + ": " + alert(timer, copy, step.role() != null ? List.of(step.role()) : null, step.department(),
                            null);
            case NEXT_ONCALL -> nextOnCall(timer, copy, step.rosterId());
            case SMS -> fallBack(timer, copy, NotificationFallback.Medium.SMS, contact.phone());
            case EMAIL -> fallBack(timer, copy, NotificationFallback.Medium.EMAIL, contact.email());
        };
    }

    /**
     * Texts or emails the recipient, if their profile has the number or address: queued in this step's
     * transaction, its outcome is the push's (the outbox shows it).
     */
    private String fallBack(LadderStore.DueTimer timer, NotificationView copy, NotificationFallback.Medium medium,
            String address) {
        boolean sms = medium == NotificationFallback.Medium.SMS;
        if (address == null) {
            return sms ? "sms: no phone on the profile" : "email: no email on the profile";
        }
        reminders.fallBack(timer.tenant(), timer.notificationPk(), copy, timer.userId(), timer.step() + 1, medium);
        return sms ? "sms queued" : "email queued";
    }

    /** The next person on duty now on the roster after the recipient (the first, if they are not on it). */
    private String nextOnCall(LadderStore.DueTimer timer, NotificationView copy, String rosterId) {
        List<String> onDuty = rosters.onDuty(rosterId, Instant.now(clock)).orElse(List.of());
        int after = onDuty.indexOf(timer.userId());
        if (after + 1 >= onDuty.size()) {
            return "next_oncall " + rosterId + ": nobody further on duty";
        }
        String next = onDuty.get(after + 1);
        return "next_oncall " + rosterId + " → " + next + ": " + alert(timer, copy, null, null, List.of(next));
    }

    /** Sends the alert to the people a step names, as its own notification that asks for an acknowledgement. */
    private String alert(LadderStore.DueTimer timer, NotificationView copy, List<Role> roles, String department,
            List<String> recipients) {
        Caller sender = new Caller(timer.tenant(), LadderStarter.SENDER, Set.of(Role.SERVICE), null);
        SendNotificationRequest request = new SendNotificationRequest(recipients, roles, department, null, null,
                copy.type(), copy.title(), copy.body(), NotificationPriority.URGENT, null, null,
                "escalation:" + timer.pk(), null, true, null);
        try {
            // Its own transaction, so that a refusal cannot doom the step's; the idempotency key makes a step
            // fired again after a crash answer the alert it already stored instead of sending another.
            return QuarkusTransaction.requiringNew().call(() -> notifications.store(sender, request).value()
                    .recipientCount()) + " alerted";
        } catch (DomainException refused) {
            return "nobody alerted (" + refused.code().name() + ")";
        }
    }
}
