package io.careline.realtime.connection;

import io.careline.realtime.frame.CloseCode;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection when the token it was opened with expires, with close code
 * {@link CloseCode#TOKEN_EXPIRED} (4001): reconnectable (4000–4499) once the client has a fresh token.
 */
@ApplicationScoped
public class TokenExpiry {
    @Inject
    Vertx vertx;

    private final Map<String, Long> timers = new ConcurrentHashMap<>();

    public void closeWhenExpired(WebSocketConnection connection, long expiresAtEpochSecond) {
        long delay = Math.max(1, expiresAtEpochSecond * 1000 - Instant.now().toEpochMilli());
        long timer = vertx.setTimer(delay, id -> {
            timers.remove(connection.id());
            connection.close(CloseCode.TOKEN_EXPIRED.reason()).subscribe().with(closed -> {
            }, failure -> {
            });
        });
        timers.put(connection.id(), timer);
    }

    public void forget(WebSocketConnection connection) {
        Long timer = timers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
