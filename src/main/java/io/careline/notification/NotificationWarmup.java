package io.careline.notification;

import io.careline.common.paging.PageCursor;
import io.careline.common.security.Caller;
import io.careline.common.warmup.Warmup;
import io.careline.notification.model.HistoryQuery;
import io.careline.notification.model.NotificationRepository;
import io.careline.notification.model.NotificationTypeRepository;
import io.careline.notification.model.RecipientRepository;
import io.careline.notification.model.SettingsRepository;
import io.careline.notification.model.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Runs the notification queries a crowd of devices and senders runs first (a sync's pages, the badge,
 * history, a send's lookups) once, through the repositories, so that nothing is written to the warm-up
 * tenant (the services would ship its catalogue).
 */
@ApplicationScoped
public class NotificationWarmup implements Warmup {
    @Inject
    InboxService inbox;

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationRepository notifications;

    @Inject
    NotificationTypeRepository types;

    @Inject
    SettingsRepository settings;

    @Inject
    SubscriptionRepository subscriptions;

    @Override
    @Transactional
    public void warmUp(Caller caller) {
        for (boolean unreadOnly : new boolean[] { true, false }) {
            inbox.syncPage(caller, 0, unreadOnly, 1);
        }
        inbox.unreadCount(caller);
        inbox.counts(caller);
        for (boolean byPriority : new boolean[] { false, true }) {
            HistoryQuery query = new HistoryQuery(null, null, null, null, byPriority);
            recipients.history(caller.userId(), query, null, 1);
            recipients.history(caller.userId(), query, byPriority ? PageCursor.of(0, 0) : PageCursor.of(0), 1);
        }
        for (HistoryQuery.Box box : HistoryQuery.Box.values()) {
            recipients.history(caller.userId(), new HistoryQuery(null, null, null, box, false), null, 1);
        }
        recipients.ofUser(caller.userId(), List.of("warmup"));
        recipients.unreadOf(caller.userId(), null);
        notifications.findByPublicId("warmup");
        types.findByCode("warmup");
        types.sendableIn(caller.tenant());
        types.active();
        settings.of(caller.userId());
        settings.disabledTypes(caller.tenant(), List.of(caller.userId()));
        settings.quietHoursOf(caller.tenant(), List.of(caller.userId()));
        subscriptions.roomsOf(caller.userId());
        subscriptions.subscribersOf("tenant");
        recipients.statusTallies(0);
        recipients.archivedCount(0);
        recipients.ofNotification(0, 0, 1);
    }
}
