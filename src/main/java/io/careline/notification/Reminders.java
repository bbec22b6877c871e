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
import java.util.Optional;

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

    /** The recipient's copy as a view, unless they acknowledged it (or it expired): then the ladder stops. */
    public Optional<NotificationView> unacknowledged(long notificationPk, String userId) {
        return recipients.find("notification.pk = ?1 and userId = ?2", notificationPk, userId)
                .<Recipient>firstResultOptional()
                .filter(r -> r.acknowledgedAt == null && r.status != RecipientStatus.EXPIRED)
                .map(NotificationView::of);
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

    /** The {@code escalated} line of one step: which step, what it did. */
    public void logEscalation(String tenant, long notificationPk, String userId, String detail, Instant at) {
        inbox.insertEscalation(tenant, notificationPk, userId, detail, at);
    }
}
