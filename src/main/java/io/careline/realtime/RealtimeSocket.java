package io.careline.realtime;

import io.careline.common.problem.ErrorCode;
import io.careline.common.security.CurrentCaller;
import io.careline.realtime.connection.EventLoopContext;
import io.careline.realtime.frame.CloseCode;
import io.careline.realtime.frame.ServerFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * One connection per device at /ws, admitted at the upgrade by {@link UpgradeGate}: JSON frames
 * in, JSON frames out (docs/protocol.md). Blocking work (the database) runs on the worker pool through
 * Unis, not as blocking callbacks: Vert.x runs the blocking callbacks of all connections of an event loop
 * one at a time, which would cap a node at a few hundred messages a second. Frames of one connection are
 * still handled in order, each after the previous one's Uni completed.
 */
@WebSocket(path = "/ws")
public class RealtimeSocket {
    private static final Logger LOG = Logger.getLogger(RealtimeSocket.class);

    @Inject
    RealtimeService realtime;

    @Inject
    Devices devices;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size")
    long maxFrameBytes;

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        long expiresAt = token.getExpirationTime();
        // On the connection's event loop: delivery hands it its frames there, many in one task.
        EventLoopContext loop = EventLoopContext.current();
        return onWorker(() -> {
            devices.connected(caller.get(), expiresAt, connection, loop);
            return null;
        });
    }

    /** Answers the frame on the same connection, unless it has no answer (typing). */
    @OnTextMessage
    Uni<Void> onFrame(String text, WebSocketConnection connection) {
        long receivedAt = System.nanoTime();
        if (overLimit(text)) {
            // Vert.x limits messages of several frames only; a single frame is measured here.
            return connection.close(CloseCode.MESSAGE_TOO_BIG.reason());
        }
        return onWorker(() -> realtime.handle(text, connection.id(), receivedAt))
                .onItem().transformToUni(answer -> answer == null ? Uni.createFrom().voidItem()
                        : connection.sendText(answer));
    }

    /** The protocol is JSON text: a binary frame is answered with an error text frame and changes nothing. */
    @OnBinaryMessage
    @NonBlocking
    Uni<Void> onBinary(Buffer ignored, WebSocketConnection connection) {
        return connection.sendText(ServerFrame.Error.of(ErrorCode.UNSUPPORTED_FRAME,
                "Frames are JSON text; binary frames are ignored.", null));
    }

    private boolean overLimit(String text) {
        // UTF-8 takes at most three bytes per UTF-16 unit: only long texts need counting.
        return text.length() * 3L > maxFrameBytes && text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes;
    }

    /**
     * Runs blocking work on a worker thread, unordered with other connections' work, in this connection's
     * Vert.x context (so its request context and security identity stay current).
     */
    private static <T> Uni<T> onWorker(Callable<T> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    /**
     * A message over the size limit closes with 1009 ("message too big"); anything else unexpected with 4000,
     * so the client reconnects and syncs. Vert.x reports a message assembled from several frames as an
     * IllegalStateException naming the limit. Failures while handling a frame never get here: they are
     * answered with an error frame.
     */
    @OnError
    Uni<Void> failed(Exception failure, WebSocketConnection connection) {
        if (failure instanceof HttpClosedException || failure instanceof java.net.SocketException) {
            return Uni.createFrom().voidItem(); // the client went away: nothing to close or report
        }
        boolean tooLarge = failure instanceof CorruptedWebSocketFrameException
                || failure instanceof IllegalStateException && String.valueOf(failure.getMessage())
                        .contains("max message size");
        if (!tooLarge) {
            LOG.errorf(failure, "closing %s after an unexpected failure", connection.id());
        }
        return connection.close((tooLarge ? CloseCode.MESSAGE_TOO_BIG : CloseCode.SERVER_ERROR).reason());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        devices.disconnected(connection);
    }
}
