package io.careline.realtime;

import io.careline.common.security.CurrentCaller;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * One connection per device at /ws, authenticated at the upgrade by {@link AuthenticatedUpgrade}: JSON frames
 * in, JSON frames out (docs/protocol.md).
 */
@WebSocket(path = "/ws")
public class RealtimeSocket {
    /** RFC 6455 close code for a message too big to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    private static final Logger LOG = Logger.getLogger(RealtimeSocket.class);

    @Inject
    RealtimeService realtime;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @OnOpen
    void open(WebSocketConnection connection) {
        realtime.connected(caller.get(), token.getExpirationTime(), connection);
    }

    @OnTextMessage
    ServerFrame onFrame(String text, WebSocketConnection connection) {
        return realtime.handle(caller.get(), text, connection);
    }

    /**
     * A message over the size limit closes with 1009 ("message too big") rather than as an internal error.
     * Vert.x reports a message assembled from several frames as an IllegalStateException naming the limit.
     */
    @OnError
    Uni<Void> failed(Exception failure, WebSocketConnection connection) {
        boolean tooLarge = failure instanceof CorruptedWebSocketFrameException
                || failure instanceof IllegalStateException && String.valueOf(failure.getMessage())
                        .contains("max message size");
        if (!tooLarge) {
            LOG.errorf(failure, "closing %s after an unexpected failure", connection.id());
        }
        return connection.close(tooLarge ? new CloseReason(MESSAGE_TOO_BIG, "frame too large")
                : CloseReason.INTERNAL_SERVER_ERROR);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        realtime.disconnected(connection);
    }
}
