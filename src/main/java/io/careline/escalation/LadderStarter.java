package io.careline.escalation;

import io.careline.common.Batches;
import io.careline.escalation.api.EscalationStep;
import io.careline.escalation.model.LadderStore;
import io.careline.notification.api.NotificationView;
import io.careline.notification.event.NotificationSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Puts a notification that asks for an acknowledgement on its ladder, in the transaction that stores it: the
 * first step's timer for each recipient. Copies an escalation step sent do not start ladders of their own; the
 * original's ladder goes on.
 */
@ApplicationScoped
public class LadderStarter {
    /** The identity escalation steps send as. */
    static final String SENDER = "careline-escalation";
    /** Users per timer insert: bounds the statement's parameters. */
    private static final int USERS_PER_STATEMENT = 1000;

    @Inject
    LadderStore ladders;

    @Inject
    PolicyService policies;

    void onSent(@Observes NotificationSent sent) {
        NotificationView notification = sent.notification();
        if (!Boolean.TRUE.equals(notification.requiresAck()) || SENDER.equals(notification.senderId())) {
            return;
        }
        ladders.policyFor(sent.tenant(), sent.escalationPolicyId(), notification.type(), notification.priority())
                .ifPresent(policy -> {
                    EscalationStep first = policies.steps(policy.steps()).get(0);
                    Instant due = notification.createdAt().plusSeconds(first.afterSeconds());
                    List<LadderStore.NewTimer> timers = sent.deliveries().stream().map(delivery ->
                            new LadderStore.NewTimer(sent.tenant(), sent.notificationPk(), delivery.userId(),
                                    policy.pk(), 0, due)).toList();
                    for (List<LadderStore.NewTimer> chunk : Batches.of(timers, USERS_PER_STATEMENT)) {
                        ladders.schedule(chunk);
                    }
                });
    }
}
