package io.careline.realtime.handler;

import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.conversation.MessageService;
import io.careline.conversation.api.ChangePage;
import io.careline.conversation.api.MessagePage;
import io.careline.conversation.api.MessageView;
import io.careline.notification.DeliveryReceipts;
import io.careline.notification.InboxService;
import io.careline.notification.api.NotificationView;
import io.careline.realtime.connection.LiveConnection;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.fanout.LocalDelivery;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.FrameJson;
import io.careline.realtime.frame.ServerFrame;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sync} frame: queues what the client missed as frames, then answers {@code synced}. First
 * notifications after {@code afterNseq} (or the unread ones, when the sync names neither sessions nor
 * afterNseq), then session by session in seq order the messages (without a list, of every session with
 * messages after the caller's read position). At most {@code sync-max-messages} frames per sync, through the
 * device's bounded queue like every other frame; what it did not finish says {@code hasMore}, and the client
 * syncs again from where it stopped.
 */
@ApplicationScoped
public class Sync {
    @Inject
    MessageService messages;

    @Inject
    InboxService inbox;

    @Inject
    DeliveryReceipts receipts;

    @Inject
    LocalDelivery local;

    @Inject
    FrameJson frames;

    @Inject
    RealtimeConfig config;

    @Inject
    LimitsConfig limits;

    /** Refuses to start with a sync budget its frames could not queue behind: devices would be cut off. */
    void checkConfiguration(@Observes StartupEvent event) {
        if (config.syncMaxMessages() > config.maxQueuedFrames() / 2) {
            throw new IllegalStateException("careline.realtime.sync-max-messages (" + config.syncMaxMessages()
                    + ") must be at most half of careline.realtime.max-queued-frames (" + config.maxQueuedFrames()
                    + "): a sync's frames wait in the device's queue");
        }
    }

    public ServerFrame sync(LiveConnection live, ClientFrame frame) {
        List<ClientFrame.SyncPosition> from = new ArrayList<>();
        if (frame.sessions() == null) {
            messages.unreadPositions(live.caller)
                    .forEach((sessionId, readSeq) -> from.add(new ClientFrame.SyncPosition(sessionId, readSeq, null)));
        } else {
            frame.sessions().forEach(p -> from.add(new ClientFrame.SyncPosition(p.sessionId(),
                    p.afterSeq() == null ? 0 : p.afterSeq(), p.afterChange() == null ? 0 : p.afterChange())));
        }
        if (from.size() > limits.maxPageSize()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED,
                    "A sync can name at most " + limits.maxPageSize() + " sessions.");
        }
        Budget budget = new Budget(config.syncMaxMessages());
        ServerFrame.Synced.NotificationPosition notified = frame.afterNseq() != null || frame.sessions() == null
                ? catchUpNotifications(live, frame.afterNseq(), budget) : null;
        List<ServerFrame.Synced.SessionPosition> reached = new ArrayList<>();
        for (ClientFrame.SyncPosition session : from) {
            try {
                reached.add(catchUp(live, session, budget));
            } catch (DomainException refused) {
                local.offer(live, frames.write(ServerFrame.Error.of(Failure.of(refused, "sync"), session.sessionId())));
            }
        }
        return ServerFrame.Synced.of(frame.id(), reached, notified);
    }

    /**
     * Queues the caller's notifications after {@code afterNseq} (the unread ones when null), taking from the
     * sync's budget; each one written to the device is its delivery receipt.
     */
    private ServerFrame.Synced.NotificationPosition catchUpNotifications(LiveConnection live, Long afterNseq,
            Budget budget) {
        boolean unreadOnly = afterNseq == null;
        long last = unreadOnly ? 0 : afterNseq;
        boolean more = true;
        while (more && budget.left > 0) {
            InboxService.SyncPage page = inbox.syncPage(live.caller, last, unreadOnly,
                    Math.min(budget.left, limits.maxPageSize()));
            for (InboxService.Pending pending : page.items()) {
                NotificationView n = pending.view();
                String userId = live.caller.userId();
                if (!local.offer(live, frames.write(ServerFrame.Notification.of(n, n.nseq(), n.silent())),
                        () -> receipts.written(live.caller.tenant(), pending.notificationPk(), userId))) {
                    return new ServerFrame.Synced.NotificationPosition(last, true);
                }
                last = n.nseq();
                budget.left--;
            }
            more = page.hasMore();
        }
        return new ServerFrame.Synced.NotificationPosition(last, more);
    }

    /**
     * One session: first the changes (recalls, edits) of the messages the device holds, when it named the
     * session, then the messages after {@code afterSeq}, which come in their latest state.
     */
    private ServerFrame.Synced.SessionPosition catchUp(LiveConnection live, ClientFrame.SyncPosition from,
            Budget budget) {
        String sessionId = from.sessionId();
        long last = from.afterSeq();
        Long lastChange = from.afterChange();
        if (lastChange != null) {
            ChangePage changes = messages.changes(live.caller, sessionId, last, lastChange, budget.left);
            for (MessageView changed : changes.items()) {
                if (!local.offer(live, frames.write(ServerFrame.changeOf(changed)))) {
                    return new ServerFrame.Synced.SessionPosition(sessionId, last, true, lastChange);
                }
                budget.left--;
            }
            if (changes.hasMore()) {
                return new ServerFrame.Synced.SessionPosition(sessionId, last, true, changes.lastChange());
            }
            lastChange = changes.lastChange();
        }
        boolean more = true;
        while (more && budget.left > 0) {
            MessagePage page = messages.list(live.caller, sessionId, last, null, null,
                    Math.min(budget.left, limits.maxPageSize()));
            for (MessageView message : page.items()) {
                if (!local.offer(live, frames.write(ServerFrame.Message.of(message)))) {
                    return new ServerFrame.Synced.SessionPosition(sessionId, last, true, lastChange);
                }
                last = message.seq();
                budget.left--;
            }
            more = page.hasMore();
        }
        return new ServerFrame.Synced.SessionPosition(sessionId, last, more, lastChange);
    }

    /** How many more frames one sync may queue, shared by its notifications and sessions. */
    private static final class Budget {
        int left;

        Budget(int left) {
            this.left = left;
        }
    }
}
