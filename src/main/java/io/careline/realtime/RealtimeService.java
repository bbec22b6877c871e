package io.careline.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.MessageService;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.MessagePage;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.ReadStateView;
import io.careline.conversation.api.SendMessageRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Turns client frames into service calls and their outcome into server frames; errors keep the connection. */
@ApplicationScoped
public class RealtimeService {
    private static final Logger LOG = Logger.getLogger(RealtimeService.class);
    /** Frames that hold a worker thread and the database; a node sheds these first when it is overloaded. */
    private static final Set<String> WORK_FRAMES = Set.of("send", "sync", "read");

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
    ParticipantService participants;

    @Inject
    Fanout fanout;

    @Inject
    RealtimeMetrics metrics;

    void connected(Caller caller, long tokenExpiresAt, WebSocketConnection connection) {
        LiveConnection live = new LiveConnection(connection, caller.over(connection.id()),
                new TokenBucket(config.framesPerSecond(), config.frameBurst(), System.nanoTime()));
        if (connections.add(live)) {
            presence.arrived(caller.tenant(), caller.userId());
        }
        expiry.closeWhenExpired(connection, tokenExpiresAt);
    }

    void disconnected(WebSocketConnection connection) {
        LiveConnection live = connections.get(connection.id());
        if (live != null && connections.remove(live)) {
            presence.departed(live.caller.tenant(), live.caller.userId());
        }
        expiry.forget(connection);
    }

    /**
     * Answers a client frame; null when the frame has no answer (typing). Failures of our own (the database
     * unreachable, say) are answered with an INTERNAL_ERROR frame; the connection stays.
     */
    ServerFrame handle(String text, WebSocketConnection connection, long receivedAtNanos) {
        LiveConnection live = connections.get(connection.id());
        if (live == null) {
            return error(ErrorCode.INTERNAL_ERROR, "The connection is closing.", null);
        }
        try {
            return handle(live, text, connection, receivedAtNanos);
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "a frame on %s failed", connection.id());
            return error(ErrorCode.INTERNAL_ERROR, "The frame could not be processed; retry it.", null);
        }
    }

    private ServerFrame handle(LiveConnection live, String text, WebSocketConnection connection,
            long receivedAtNanos) {
        Caller caller = live.caller;
        ClientFrame frame;
        try {
            frame = mapper.readValue(text, ClientFrame.class);
        } catch (JsonProcessingException e) {
            return error(ErrorCode.MALFORMED_JSON, "The frame is not a JSON object of the protocol.", null);
        }
        if (frame == null || frame.type() == null) {
            return error(ErrorCode.VALIDATION_FAILED, "A frame needs a type.", null);
        }
        if (!live.mayReceiveFrame()) {
            metrics.rateLimited();
            return error(ErrorCode.RATE_LIMITED, "At most " + config.framesPerSecond()
                    + " frames per second; this one was not processed.", refOf(frame));
        }
        boolean waitedTooLong = System.nanoTime() - receivedAtNanos > config.maxQueueWait().toNanos();
        if (waitedTooLong && WORK_FRAMES.contains(frame.type())) {
            metrics.overloaded();
            return error(ErrorCode.OVERLOADED, "The server is overloaded; this frame was not processed, retry it"
                    + " in a moment (a send with the same clientMsgId).", refOf(frame));
        }
        return switch (frame.type()) {
            case "ping" -> ServerFrame.Pong.of(frame.id());
            case "send" -> send(caller, frame);
            case "sync" -> sync(caller, frame, connection);
            case "read" -> read(caller, frame);
            case "typing" -> typing(caller, frame);
            default -> error(ErrorCode.UNKNOWN_FRAME_TYPE, "Unknown frame type " + frame.type() + ".", frame.id());
        };
    }

    /** Tells the session's other members; nothing is stored and nothing answers a typing frame that worked. */
    private ServerFrame typing(Caller caller, ClientFrame frame) {
        if (frame.sessionId() == null) {
            return error(ErrorCode.VALIDATION_FAILED, "A typing frame needs a sessionId.", frame.id());
        }
        try {
            fanout.deliver(caller.tenant(), participants.othersInSession(caller, frame.sessionId()),
                    ServerFrame.Typing.of(frame.sessionId(), caller.userId()), null, System.currentTimeMillis());
            return null;
        } catch (DomainException e) {
            return ServerFrame.Error.of(e.code().name(), e.getMessage(), frame.id());
        }
    }

    private static String refOf(ClientFrame frame) {
        return frame.clientMsgId() != null ? frame.clientMsgId() : frame.id();
    }

    private ServerFrame send(Caller caller, ClientFrame frame) {
        String ref = refOf(frame);
        SendMessageRequest request = new SendMessageRequest(frame.msgType(), frame.content(), frame.clientMsgId(),
                frame.topicId());
        Set<ConstraintViolation<SendMessageRequest>> violations = validator.validate(request);
        if (frame.sessionId() == null || frame.clientMsgId() == null || !violations.isEmpty()) {
            return error(ErrorCode.VALIDATION_FAILED,
                    "A send frame needs sessionId, clientMsgId, msgType and content of valid form.", ref);
        }
        try {
            return ServerFrame.Ack.of(messages.send(caller, frame.sessionId(), request).value());
        } catch (DomainException e) {
            return ServerFrame.Error.of(e.code().name(), e.getMessage(), ref);
        }
    }

    /** Moves the read position; the reader's device gets the receipt as the answer, the others by delivery. */
    private ServerFrame read(Caller caller, ClientFrame frame) {
        if (frame.sessionId() == null || frame.seq() == null || frame.seq() < 0) {
            return error(ErrorCode.VALIDATION_FAILED, "A read frame needs sessionId and a seq of 0 or more.", frame.id());
        }
        try {
            ReadStateView state = readState.markRead(caller, frame.sessionId(), frame.seq());
            return ServerFrame.Read.of(frame.sessionId(), caller.userId(), state.lastReadSeq());
        } catch (DomainException e) {
            return ServerFrame.Error.of(e.code().name(), e.getMessage(), frame.id());
        }
    }

    /**
     * Sends what the client missed, session by session in seq order, as {@code message} frames, then answers
     * {@code synced}. Without a list, every session with messages after the caller's read position.
     */
    private ServerFrame sync(Caller caller, ClientFrame frame, WebSocketConnection connection) {
        Map<String, Long> from = new LinkedHashMap<>();
        if (frame.sessions() == null) {
            from.putAll(messages.unreadPositions(caller));
        } else {
            for (ClientFrame.SyncPosition position : frame.sessions()) {
                if (position == null || position.sessionId() == null) {
                    return error(ErrorCode.VALIDATION_FAILED, "Each sync entry needs a sessionId.", frame.id());
                }
                from.put(position.sessionId(), position.afterSeq() == null ? 0 : Math.max(0, position.afterSeq()));
            }
        }
        if (from.size() > limits.maxPageSize()) {
            return error(ErrorCode.LIMIT_EXCEEDED, "A sync can name at most " + limits.maxPageSize() + " sessions.",
                    frame.id());
        }
        List<ServerFrame.Synced.SessionPosition> reached = new ArrayList<>();
        from.forEach((sessionId, afterSeq) -> {
            try {
                reached.add(catchUp(caller, sessionId, afterSeq, connection));
            } catch (DomainException e) {
                connection.sendTextAndAwait(ServerFrame.Error.of(e.code().name(), e.getMessage(), sessionId));
            }
        });
        return ServerFrame.Synced.of(frame.id(), reached);
    }

    private ServerFrame.Synced.SessionPosition catchUp(Caller caller, String sessionId, long afterSeq,
            WebSocketConnection connection) {
        long last = afterSeq;
        int sent = 0;
        boolean more = true;
        while (more && sent < config.syncMaxMessages()) {
            MessagePage page = messages.list(caller, sessionId, last, null, null, limits.maxPageSize());
            for (MessageView message : page.items()) {
                connection.sendTextAndAwait(ServerFrame.Message.of(message));
                last = message.seq();
                sent++;
            }
            more = page.hasMore();
        }
        return new ServerFrame.Synced.SessionPosition(sessionId, last, more);
    }

    private static ServerFrame error(ErrorCode code, String message, String ref) {
        return ServerFrame.Error.of(code.name(), message, ref);
    }
}
