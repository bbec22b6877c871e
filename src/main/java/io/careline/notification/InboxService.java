package io.careline.notification;

import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.common.wire.QueryParameters;
import io.careline.common.wire.WireEnum;
import io.careline.notification.api.NotificationCounts;
import io.careline.notification.api.NotificationPage;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.StatusChange;
import io.careline.notification.api.StatusResult;
import io.careline.notification.event.NotificationStatusChanged;
import io.careline.notification.model.HistoryQuery;
import io.careline.notification.model.InboxStore;
import io.careline.notification.model.Recipient;
import io.careline.notification.model.RecipientRepository;
import io.careline.notification.model.UnreadTally;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A user's notifications as they have them: history, status changes, counts, and what a sync sends. */
@ApplicationScoped
public class InboxService {
    @Inject
    RecipientRepository recipients;

    @Inject
    InboxStore inbox;

    @Inject
    Clock clock;

    @Inject
    Event<NotificationStatusChanged> statusChanges;

    /** A notification waiting for a device, with the key its delivery receipt names. */
    public record Pending(long notificationPk, NotificationView view) {
    }

    /** Pending notifications of one sync, and whether more follow. */
    public record SyncPage(List<Pending> items, boolean hasMore) {
    }

    /**
     * The caller's history, newest first or urgent first, narrowed by type, status (unread, read, archived;
     * without it, everything not archived), priority and creation time.
     */
    @Transactional
    public NotificationPage history(Caller caller, String type, String status, String priority, String since,
            String sort, int limit, String cursor) {
        boolean byPriority = sortByPriority(sort);
        HistoryQuery query = new HistoryQuery(type,
                priority == null ? null : WireEnum.require(NotificationPriority.class, priority, "priority"),
                QueryParameters.instant("since", since), box(status), byPriority);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, byPriority ? 2 : 1);
        KeysetPage<Recipient> page = KeysetPage.of(recipients.history(caller.userId(), query, after, limit), limit);
        return new NotificationPage(page.map(NotificationView::of), page.nextCursor(r -> byPriority
                ? PageCursor.of(r.priorityRank, r.nseq) : PageCursor.of(r.nseq)));
    }

    @Transactional
    public NotificationView changeStatus(Caller caller, String notificationId, StatusChange change) {
        List<Recipient> own = recipients.ofUser(caller.userId(), List.of(notificationId));
        if (own.isEmpty()) {
            throw NotificationService.notFound();
        }
        apply(caller, own, change);
        return NotificationView.of(own.get(0));
    }

    /** Changes several of the caller's notifications; any id that is not theirs refuses the whole batch. */
    @Transactional
    public StatusResult changeStatuses(Caller caller, List<String> notificationIds, StatusChange change) {
        Map<String, Recipient> own = recipients.ofUser(caller.userId(), notificationIds).stream()
                .collect(Collectors.toMap(r -> r.notification.publicId, Function.identity()));
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < notificationIds.size(); i++) {
            if (!own.containsKey(notificationIds.get(i))) {
                unknown.add(new FieldError("ids[" + i + "]", "is not one of your notifications"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND, "Some notifications are not yours;"
                    + " nothing was changed.", unknown);
        }
        return new StatusResult(change, apply(caller, notificationIds.stream().distinct().map(own::get).toList(),
                change));
    }

    /** Marks every unread notification of the caller read, or those of one type. */
    @Transactional
    public StatusResult readAll(Caller caller, String type) {
        return new StatusResult(StatusChange.READ, apply(caller, recipients.unreadOf(caller.userId(), type),
                StatusChange.READ));
    }

    @Transactional
    public NotificationCounts counts(Caller caller) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byPriority = new TreeMap<>();
        long total = 0;
        for (UnreadTally tally : recipients.unreadTallies(caller.userId())) {
            byType.merge(tally.type(), tally.count(), Long::sum);
            byPriority.merge(tally.priority().wire(), tally.count(), Long::sum);
            total += tally.count();
        }
        return new NotificationCounts(total, byType, byPriority, recipients.unacknowledgedCount(caller.userId()));
    }

    @Transactional
    public long unreadCount(Caller caller) {
        return recipients.unreadCount(caller.userId());
    }

    /**
     * What a sync sends: the caller's notifications after {@code afterNseq} in nseq order, only the unread
     * ones when asked; never expired ones.
     */
    public SyncPage syncPage(Caller caller, long afterNseq, boolean unreadOnly, int limit) {
        // Most syncs find nothing new (a device reconnecting, a first-contact user): the inbox's last nseq says
        // so in one primary-key read, outside any transaction, without the page's query.
        if (inbox.lastNseq(caller.tenant(), caller.userId()) <= afterNseq) {
            return new SyncPage(List.of(), false);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant now = Instant.now(clock);
            KeysetPage<Recipient> page = KeysetPage.of(recipients.syncPage(caller.userId(), afterNseq, unreadOnly,
                    now, limit), limit);
            return new SyncPage(page.map(r -> new Pending(r.notification.pk, NotificationView.of(r))),
                    page.hasMore());
        });
    }

    /**
     * Applies the change to the rows (Hibernate writes them as one JDBC batch at commit), logs each one it
     * changed in one insert, and tells the caller's other devices.
     */
    private List<String> apply(Caller caller, List<Recipient> rows, StatusChange change) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<String> changed = new ArrayList<>();
        List<InboxStore.LogLine> lines = new ArrayList<>();
        for (Recipient row : rows) {
            if (row.apply(change, now)) {
                lines.add(new InboxStore.LogLine(caller.tenant(), row.notification.pk, caller.userId(),
                        Recipient.actionOf(change), caller.userId(), now));
                changed.add(row.notification.publicId);
            }
        }
        inbox.insertLog(lines);
        if (!changed.isEmpty()) {
            statusChanges.fire(new NotificationStatusChanged(caller.tenant(), caller.userId(), changed, change,
                    caller.connectionId()));
        }
        return changed;
    }

    private static boolean sortByPriority(String sort) {
        if (sort == null || sort.equals("newest")) {
            return false;
        }
        if (sort.equals("priority")) {
            return true;
        }
        throw badParameter("sort", "must be newest or priority");
    }

    private static HistoryQuery.Box box(String status) {
        if (status == null) {
            return null;
        }
        for (HistoryQuery.Box box : HistoryQuery.Box.values()) {
            if (box.name().toLowerCase(Locale.ROOT).equals(status)) {
                return box;
            }
        }
        throw badParameter("status", "must be unread, read or archived");
    }

    private static DomainException badParameter(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, field + " " + message + ".",
                List.of(new FieldError(field, message)));
    }
}
