package io.careline.notification;

import io.careline.notification.api.NotificationView;
import io.careline.notification.event.NotificationFallback;
import io.careline.notification.event.NotificationRepeated;
import io.careline.notification.model.InboxStore;
import io.careline.notification.model.Recipient;
import io.careline.notification.model.RecipientRepository;
import io.careline.notification.model.RecipientStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an escalation step does to a notification, in the step's transaction and the notification's tenant:
 * whether the recipient acknowledged it, alerting them again, and the {@code escalated} log line.
 */
@ApplicationScoped
public class Reminders {
    @Inject
    RecipientRepository recipients;

    @Inject
    InboxStore inbox;

    @Inject
    Event<NotificationRepeated> repeated;

    @Inject
    Event<NotificationFallback> fallback;

    /** One recipient's copy of one notification. */
    public record Copy(long notificationPk, String userId) {
    }

    /** One {@code escalated} line: which step of whose copy, and what it did. */
    public record Escalated(long notificationPk, String userId, String detail) {
    }

    /**
     * The copies as views, of those not acknowledged (nor expired): for the others the ladder stops. One query
     * for all of them, in the caller's tenant.
     */
    public Map<Copy, NotificationView> unacknowledged(Collection<Copy> copies) {
        Set<Long> notifications = copies.stream().map(Copy::notificationPk).collect(Collectors.toSet());
        Set<String> users = copies.stream().map(Copy::userId).collect(Collectors.toSet());
        Map<Copy, NotificationView> waiting = new HashMap<>();
        recipients.<Recipient>find("from Recipient r join fetch r.notification where r.notification.pk in ?1"
                + " and r.userId in ?2", notifications, users).stream()
                .filter(r -> r.acknowledgedAt == null && r.status != RecipientStatus.EXPIRED)
                .forEach(r -> {
                    Copy copy = new Copy(r.notification.pk, r.userId);
                    if (copies.contains(copy)) {
                        waiting.put(copy, NotificationView.of(r));
                    }
                });
        return waiting;
    }

    /** Alerts the recipient again: the frame to their devices and a push, once this transaction commits. */
    public void repeat(String tenant, long notificationPk, NotificationView copy, String userId, int step) {
        repeated.fire(new NotificationRepeated(tenant, notificationPk, copy, userId, copy.nseq(), step));
    }

    /** Reaches the recipient off the app, by text message or email, in the step's transaction. */
    public void fallBack(String tenant, long notificationPk, NotificationView copy, String userId, int step,
            NotificationFallback.Medium medium) {
        fallback.fire(new NotificationFallback(tenant, notificationPk, copy, userId, step, medium));
    }

    /** The {@code escalated} lines of the steps fired, in one statement. */
    public void logEscalations(String tenant, List<Escalated> lines, Instant at) {
        inbox.insertEscalations(tenant, lines.stream().map(line -> new InboxStore.EscalationLine(
                line.notificationPk(), line.userId(), line.detail())).toList(), at);
    }
}
