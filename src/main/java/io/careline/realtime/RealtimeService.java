package io.careline.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.security.Caller;
import io.careline.conversation.MessageService;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.MessagePage;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.ReadStateView;
import io.careline.conversation.api.SendMessageRequest;
import io.careline.notification.DeliveryReceipts;
import io.careline.notification.InboxService;
import io.careline.notification.SubscriptionService;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.StatusChange;
import io.careline.realtime.connection.ClientInfo;
import io.careline.realtime.connection.ConnectionDirectory;
import io.careline.realtime.connection.ConnectionRegistry;
import io.careline.realtime.connection.LiveConnection;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.connection.RealtimeMetrics;
import io.careline.realtime.connection.TokenBucket;
import io.careline.realtime.connection.TokenExpiry;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.fanout.LocalDelivery;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ClientFrameReader;
import io.careline.realtime.frame.FrameJson;
import io.careline.realtime.frame.ServerFrame;
import io.careline.realtime.presence.Presence;
import io.careline.support.QueueService;
import io.careline.support.RoomLifecycle;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns client frames into service calls and their outcome into server frames. Every failure, foreseen or
 * not, is answered with an {@code error} frame carrying the frame's ref; the connection stays.
 */
@ApplicationScoped
public class RealtimeService {
    /** Frames that hold a worker thread and the database; a node sheds these first when it is overloaded. */
    private static final Set<String> WORK_FRAMES = Set.of("send", "sync", "read", "subscribe", "unsubscribe",
            "mark_read", "claim", "finish");

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    MessageService messages;

    @Inject
    ReadStateService readState;

    @Inject
    ConnectionRegistry connections;

    @Inject
    LimitsConfig limits;

    @Inject
    TokenExpiry expiry;

    @Inject
    RealtimeConfig config;

    @Inject
    Presence presence;

    @Inject
    ConnectionDirectory directory;

    @Inject
    ParticipantService participants;

    @Inject
    Fanout fanout;

    @Inject
    LocalDelivery local;

    @Inject
    RealtimeMetrics metrics;

    @Inject
    FrameJson frames;

    @Inject
    InboxService inbox;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    DeliveryReceipts receipts;

    @Inject
    QueueService queue;

    @Inject
    RoomLifecycle rooms;

    @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size")
    long maxFrameBytes;

    private ClientFrameReader reader;

    @PostConstruct
    void init() {
        reader = new ClientFrameReader(mapper);
    }

    /** Refuses to start with a sync budget its frames could not queue behind: devices would be cut off. */
    void checkConfiguration(@Observes StartupEvent event) {
        if (config.syncMaxMessages() > config.maxQueuedFrames() / 2) {
            throw new IllegalStateException("careline.realtime.sync-max-messages (" + config.syncMaxMessages()
                    + ") must be at most half of careline.realtime.max-queued-frames (" + config.maxQueuedFrames()
                    + "): a sync's frames wait in the device's queue");
        }
    }

    /**
     * Registers the device for delivery, behind its {@code welcome} frame: every frame delivered from then on
     * is written after the welcome, so a client that syncs once welcomed misses nothing.
     */
    void connected(Caller caller, long tokenExpiresAt, WebSocketConnection connection) {
        LiveConnection live = new LiveConnection(connection, caller.over(connection.id()),
                ClientInfo.of(connection.handshakeRequest()),
                new TokenBucket(config.framesPerSecond(), config.frameBurst(), System.nanoTime()));
        live.offer(frames.write(ServerFrame.Welcome.of(connection.id(), caller.userId(),
                config.clientPingInterval().toMillis(), new ServerFrame.Welcome.Limits(maxFrameBytes,
                        config.framesPerSecond(), config.frameBurst(), limits.maxContentBytes()))),
                Integer.MAX_VALUE, () -> {
                });
        if (connections.add(live)) {
            presence.arrived(caller.tenant(), caller.userId());
        }
        directory.added(live);
        expiry.closeWhenExpired(connection, tokenExpiresAt);
    }

    void disconnected(WebSocketConnection connection) {
        expiry.forget(connection);
        LiveConnection live = connections.get(connection.id());
        if (live == null) {
            return;
        }
        if (connections.remove(live)) {
            presence.departed(live.caller.tenant(), live.caller.userId());
        }
        directory.removed(live);
    }

    /** Answers a client frame; null when the frame has no answer (a typing frame that worked). */
    ServerFrame handle(String text, WebSocketConnection connection, long receivedAtNanos) {
        LiveConnection live = connections.get(connection.id());
        if (live == null) {
            return ServerFrame.Error.of(ErrorCode.INTERNAL_ERROR, "The connection is closing.", null);
        }
        ClientFrame frame;
        try {
            frame = reader.read(text);
        } catch (ClientFrameReader.Refused refused) {
            return ServerFrame.Error.of(refused.failure, refused.ref);
        }
        try {
            return handle(live, frame, receivedAtNanos);
        } catch (RuntimeException failure) {
            return ServerFrame.Error.of(Failure.of(failure, frame.type() + " frame on " + connection.id()),
                    frame.ref());
        }
    }

    private ServerFrame handle(LiveConnection live, ClientFrame frame, long receivedAtNanos) {
        live.touch();
        if (!live.mayReceiveFrame()) {
            metrics.rateLimited();
            return ServerFrame.Error.of(ErrorCode.RATE_LIMITED, "At most " + config.framesPerSecond()
                    + " frames per second; this one was not processed.", frame.ref());
        }
        boolean waitedTooLong = System.nanoTime() - receivedAtNanos > config.maxQueueWait().toNanos();
        if (waitedTooLong && WORK_FRAMES.contains(frame.type())) {
            metrics.overloaded();
            return ServerFrame.Error.of(ErrorCode.OVERLOADED, "The server is overloaded; this frame was not"
                    + " processed, retry it in a moment (a send with the same clientMsgId).", frame.ref());
        }
        Caller caller = live.caller;
        return switch (frame.type()) {
            case "send" -> send(caller, frame);
            case "sync" -> sync(live, frame);
            case "read" -> read(caller, frame);
            case "typing" -> typing(caller, frame);
            case "ping" -> ServerFrame.Pong.of(frame.id());
            case "subscribe" -> ServerFrame.Subscribed.of(frame.id(), subscriptions.subscribe(caller, frame.rooms()));
            case "unsubscribe" -> ServerFrame.Unsubscribed.of(frame.id(),
                    subscriptions.unsubscribe(caller, frame.rooms()));
            case "mark_read" -> ServerFrame.Marked.of(frame.id(),
                    inbox.changeStatuses(caller, frame.ids(), StatusChange.READ).changed());
            case "claim" -> ServerFrame.Room.of(frame.id(), queue.claim(caller, frame.sessionId()).value());
            case "finish" -> ServerFrame.Room.of(frame.id(), rooms.finish(caller, frame.sessionId()));
            default -> throw new IllegalStateException("the reader admits only " + ClientFrameReader.TYPES);
        };
    }

    /** Tells the session's other members; nothing is stored and nothing answers a typing frame that worked. */
    private ServerFrame typing(Caller caller, ClientFrame frame) {
        fanout.deliver(caller.tenant(), participants.othersInSession(caller, frame.sessionId()),
                ServerFrame.Typing.of(frame.sessionId(), caller.userId()), null, System.currentTimeMillis());
        return null;
    }

    private ServerFrame send(Caller caller, ClientFrame frame) {
        SendMessageRequest request = new SendMessageRequest(frame.msgType(), frame.content(), frame.clientMsgId(),
                frame.topicId());
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return ServerFrame.Ack.of(messages.send(caller, frame.sessionId(), request).value());
    }

    /** Moves the read position; the reader's device gets the receipt as the answer, the others by delivery. */
    private ServerFrame read(Caller caller, ClientFrame frame) {
        ReadStateView state = readState.markRead(caller, frame.sessionId(), frame.seq());
        return ServerFrame.Read.of(frame.sessionId(), caller.userId(), state.lastReadSeq());
    }

    /**
     * Queues what the client missed as frames, then answers {@code synced}: first notifications after
     * {@code afterNseq} (or the unread ones, when the sync names neither sessions nor afterNseq), then
     * session by session in seq order the messages (without a list, of every session with messages after the
     * caller's read position). At most {@code sync-max-messages} frames per sync, through the device's
     * bounded queue like every other frame; what it did not finish says {@code hasMore}, and the client syncs
     * again from where it stopped.
     */
    private ServerFrame sync(LiveConnection live, ClientFrame frame) {
        Map<String, Long> from = new LinkedHashMap<>();
        if (frame.sessions() == null) {
            from.putAll(messages.unreadPositions(live.caller));
        } else {
            frame.sessions().forEach(p -> from.put(p.sessionId(), p.afterSeq() == null ? 0 : p.afterSeq()));
        }
        if (from.size() > limits.maxPageSize()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED,
                    "A sync can name at most " + limits.maxPageSize() + " sessions.");
        }
        SyncBudget budget = new SyncBudget(config.syncMaxMessages());
        ServerFrame.Synced.NotificationPosition notified = frame.afterNseq() != null || frame.sessions() == null
                ? catchUpNotifications(live, frame.afterNseq(), budget) : null;
        List<ServerFrame.Synced.SessionPosition> reached = new ArrayList<>();
        for (Map.Entry<String, Long> session : from.entrySet()) {
            try {
                ServerFrame.Synced.SessionPosition position = catchUp(live, session.getKey(), session.getValue(),
                        budget.left);
                budget.left -= (int) (position.lastSeq() - session.getValue());
                reached.add(position);
            } catch (DomainException refused) {
                local.offer(live, frames.write(ServerFrame.Error.of(Failure.of(refused, "sync"), session.getKey())));
            }
        }
        return ServerFrame.Synced.of(frame.id(), reached, notified);
    }

    /**
     * Queues the caller's notifications after {@code afterNseq} (the unread ones when null), taking from the
     * sync's budget; each one written to the device is its delivery receipt.
     */
    private ServerFrame.Synced.NotificationPosition catchUpNotifications(LiveConnection live, Long afterNseq,
            SyncBudget budget) {
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

    /** How many more frames one sync may queue, shared by its notifications and sessions. */
    private static final class SyncBudget {
        int left;

        SyncBudget(int left) {
            this.left = left;
        }
    }

    private ServerFrame.Synced.SessionPosition catchUp(LiveConnection live, String sessionId, long afterSeq,
            int budget) {
        long last = afterSeq;
        boolean more = true;
        while (more && budget > 0) {
            MessagePage page = messages.list(live.caller, sessionId, last, null, null,
                    Math.min(budget, limits.maxPageSize()));
            for (MessageView message : page.items()) {
                if (!local.offer(live, frames.write(ServerFrame.Message.of(message)))) {
                    return new ServerFrame.Synced.SessionPosition(sessionId, last, true);
                }
                last = message.seq();
                budget--;
            }
            more = page.hasMore();
        }
        return new ServerFrame.Synced.SessionPosition(sessionId, last, more);
    }
}
