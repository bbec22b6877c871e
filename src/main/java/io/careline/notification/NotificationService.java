package io.careline.notification;

import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.api.LogEntryView;
import io.careline.notification.api.LogPage;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.RecipientPage;
import io.careline.notification.api.RecipientView;
import io.careline.notification.model.LogAction;
import io.careline.notification.model.LogEntry;
import io.careline.notification.model.LogRepository;
import io.careline.notification.model.Notification;
import io.careline.notification.model.NotificationRepository;
import io.careline.notification.model.Recipient;
import io.careline.notification.model.RecipientRepository;
import io.careline.notification.model.StatusTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What senders and admins may see of notifications: the notification, its recipients and the audit trail. */
@ApplicationScoped
public class NotificationService {
    @Inject
    NotificationRepository notifications;

    @Inject
    RecipientRepository recipients;

    @Inject
    LogRepository log;

    /** One notification: as its recipient has it, or for its sender and admins as it was sent. */
    @Transactional
    public NotificationView get(Caller caller, String notificationId) {
        List<Recipient> own = recipients.ofUser(caller.userId(), List.of(notificationId));
        if (!own.isEmpty()) {
            return NotificationView.of(own.get(0));
        }
        return NotificationView.of(sentOrAdministered(caller, notificationId));
    }

    /** How the notification stands for each recipient: counts by status, and a page of recipients. */
    @Transactional
    public RecipientPage recipients(Caller caller, String notificationId, int limit, String cursor) {
        Notification n = sentOrAdministered(caller, notificationId);
        long after = cursor == null ? 0 : PageCursor.decode(cursor, 1).get(0);
        KeysetPage<Recipient> page = KeysetPage.of(recipients.ofNotification(n.pk, after, limit), limit);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (StatusTally tally : recipients.statusTallies(n.pk)) {
            byStatus.put(tally.status().wire(), tally.count());
        }
        return new RecipientPage(n.publicId, n.recipientCount, byStatus, recipients.archivedCount(n.pk),
                page.map(r -> new RecipientView(r.userId, r.status, r.deliveredAt, r.readAt, r.archivedAt)),
                page.nextCursor(r -> PageCursor.of(r.pk)));
    }

    /** The audit trail (admins), oldest first, by notification, recipient and action. */
    @Transactional
    public LogPage log(Caller caller, String notificationId, String userId, LogAction action, int limit,
            String cursor) {
        if (!caller.roles().contains(Role.ADMIN)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only admins read the notification log.");
        }
        Long notificationPk = null;
        if (notificationId != null) {
            notificationPk = notifications.findByPublicId(notificationId).map(n -> n.pk).orElseThrow(
                    NotificationService::notFound);
        }
        long after = cursor == null ? 0 : PageCursor.decode(cursor, 1).get(0);
        KeysetPage<LogEntry> page = KeysetPage.of(log.page(notificationPk, userId, action, after, limit), limit);
        List<Long> pks = page.items().stream().map(entry -> entry.notificationPk).distinct().toList();
        Map<Long, String> ids = pks.isEmpty() ? Map.of() : notifications.list("pk in ?1", pks).stream()
                .collect(Collectors.toMap(n -> n.pk, n -> n.publicId));
        return new LogPage(page.map(entry -> new LogEntryView(ids.get(entry.notificationPk), entry.userId,
                entry.action, entry.actorId, entry.at, entry.detail)), page.nextCursor(entry -> PageCursor.of(entry.pk)));
    }

    private Notification sentOrAdministered(Caller caller, String notificationId) {
        return notifications.findByPublicId(notificationId)
                .filter(n -> n.senderId.equals(caller.userId()) || caller.roles().contains(Role.ADMIN))
                .orElseThrow(NotificationService::notFound);
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification.");
    }
}
