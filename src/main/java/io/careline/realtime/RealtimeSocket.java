package io.careline.realtime;

import io.careline.common.security.CurrentCaller;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One connection per device at /ws, authenticated at the upgrade by {@link AuthenticatedUpgrade}: JSON frames
 * in, JSON frames out (docs/protocol.md).
 */
@WebSocket(path = "/ws")
public class RealtimeSocket {
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

    @OnClose
    void close(WebSocketConnection connection) {
        realtime.disconnected(connection);
    }
}
