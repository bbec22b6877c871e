package io.careline.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.security.Caller;
import io.careline.realtime.connection.LiveConnection;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.connection.RealtimeMetrics;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ClientFrameReader;
import io.careline.realtime.frame.ServerFrame;
import io.careline.realtime.handler.DeskFrames;
import io.careline.realtime.handler.MessageFrames;
import io.careline.realtime.handler.NotificationFrames;
import io.careline.realtime.handler.Sync;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Admits client frames (rate limit, shedding) and hands each to its feature's handler; every failure, foreseen
 * or not, is answered with an {@code error} frame carrying the frame's ref, and the connection stays.
 */
@ApplicationScoped
public class RealtimeService {
    /** Frames that hold a worker thread and the database; a node sheds these first when it is overloaded. */
    private static final Set<String> WORK_FRAMES = Set.of("send", "sync", "read", "subscribe", "unsubscribe",
            "mark_read", "ack", "claim", "finish");

    @Inject
    ObjectMapper mapper;

    @Inject
    Devices devices;

    @Inject
    RealtimeConfig config;

    @Inject
    RealtimeMetrics metrics;

    @Inject
    MessageFrames messages;

    @Inject
    NotificationFrames notifications;

    @Inject
    DeskFrames desk;

    @Inject
    Sync sync;

    private ClientFrameReader reader;

    @PostConstruct
    void init() {
        reader = new ClientFrameReader(mapper);
    }

    /** Answers a client frame; null when the frame has no answer (a typing frame that worked). */
    ServerFrame handle(String text, String connectionId, long receivedAtNanos) {
        LiveConnection live = devices.get(connectionId);
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
            return admit(live, frame, receivedAtNanos);
        } catch (RuntimeException failure) {
            return ServerFrame.Error.of(Failure.of(failure, frame.type() + " frame on " + connectionId),
                    frame.ref());
        }
    }

    private ServerFrame admit(LiveConnection live, ClientFrame frame, long receivedAtNanos) {
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
        return dispatch(live, frame);
    }

    private ServerFrame dispatch(LiveConnection live, ClientFrame frame) {
        Caller caller = live.caller;
        return switch (frame.type()) {
            case "send" -> messages.send(caller, frame);
            case "read" -> messages.read(caller, frame);
            case "typing" -> messages.typing(caller, frame);
            case "sync" -> sync.sync(live, frame);
            case "ping" -> ServerFrame.Pong.of(frame.id());
            case "subscribe" -> notifications.subscribe(caller, frame);
            case "unsubscribe" -> notifications.unsubscribe(caller, frame);
            case "mark_read" -> notifications.markRead(caller, frame);
            case "ack" -> notifications.acknowledge(caller, frame);
            case "claim" -> desk.claim(caller, frame);
            case "finish" -> desk.finish(caller, frame);
            default -> throw new IllegalStateException("the reader admits only " + ClientFrameReader.TYPES);
        };
    }
}
