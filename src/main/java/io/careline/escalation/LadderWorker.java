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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fires escalation steps when they fall due, on whichever node claims each first (SKIP LOCKED), each in its own
 * transaction with what it sends: a step fires only while its recipient has not acknowledged, logs an
 * {@code escalated} line, and schedules the next step. A node killed mid-step rolls the step back, and another
 * node fires it.
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
        while (handled < config.maxStepsPerPoll() && QuarkusTransaction.requiringNew().call(this::runOne)) {
            handled++;
        }
        return handled;
    }

    private boolean runOne() {
        Instant now = Times.now(clock);
        Optional<LadderStore.DueTimer> due = ladders.claimDue(now);
        if (due.isEmpty()) {
            return false;
        }
        LadderStore.DueTimer timer = due.get();
        // Before the first ORM call of this transaction: the session takes the tenant it opens with.
        currentTenant.use(timer.tenant());
        Optional<NotificationView> waiting = reminders.unacknowledged(timer.notificationPk(), timer.userId());
        Optional<List<EscalationStep>> steps = ladders.policy(timer.policyPk()).map(p -> policies.steps(p.steps()));
        if (waiting.isEmpty() || steps.isEmpty() || timer.step() >= steps.get().size()) {
            ladders.finish(timer.pk(), false, node.id(), now);
            return true;
        }
        NotificationView copy = waiting.get();
        EscalationStep step = steps.get().get(timer.step());
        String detail = "step " + (timer.step() + 1) + ": " + fire(timer, copy, step);
        reminders.logEscalation(timer.tenant(), timer.notificationPk(), timer.userId(), detail, now);
        ladders.finish(timer.pk(), true, node.id(), now);
        if (timer.step() + 1 < steps.get().size()) {
            Instant next = copy.createdAt().plusSeconds(steps.get().get(timer.step() + 1).afterSeconds());
            ladders.schedule(timer.tenant(), timer.notificationPk(), List.of(timer.userId()), timer.policyPk(),
                    timer.step() + 1, next.isBefore(now) ? now : next);
        }
        return true;
    }

    /** Does what the step says; answers what it did, for the log line. */
    private String fire(LadderStore.DueTimer timer, NotificationView copy, EscalationStep step) {
        return switch (step.action()) {
            case REPEAT -> {
                reminders.repeat(timer.tenant(), timer.notificationPk(), copy, timer.userId(), timer.step() + 1);
                yield "repeat (frame and push)";
            }
            case NOTIFY_ROLE -> "notify_role " + (step.role() != null ? step.role().wire() : step.department())
                    + ": " + alert(timer, copy, step.role() != null ? List.of(step.role()) : null, step.department(),
                            null);
            case NEXT_ONCALL -> nextOnCall(timer, copy, step.rosterId());
            case SMS -> fallBack(timer, copy, NotificationFallback.Medium.SMS);
            case EMAIL -> fallBack(timer, copy, NotificationFallback.Medium.EMAIL);
        };
    }

    /**
     * Texts or emails the recipient, if their profile has the number or address: queued in this step's
     * transaction, its outcome is the push's (the outbox shows it).
     */
    private String fallBack(LadderStore.DueTimer timer, NotificationView copy, NotificationFallback.Medium medium) {
        Contact contact = users.contactOf(timer.tenant(), timer.userId());
        String name = medium.name().toLowerCase();
        if ((medium == NotificationFallback.Medium.SMS ? contact.phone() : contact.email()) == null) {
            return name + ": no " + (medium == NotificationFallback.Medium.SMS ? "phone" : "email")
                    + " on the profile";
        }
        reminders.fallBack(timer.tenant(), timer.notificationPk(), copy, timer.userId(), timer.step() + 1, medium);
        return name + " queued";
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
