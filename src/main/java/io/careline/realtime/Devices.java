package io.careline.realtime;

import io.careline.common.config.LimitsConfig;
import io.careline.common.security.Caller;
import io.careline.realtime.connection.ClientInfo;
import io.careline.realtime.connection.ConnectionDirectory;
import io.careline.realtime.connection.ConnectionRegistry;
import io.careline.realtime.connection.EventLoopContext;
import io.careline.realtime.connection.LiveConnection;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.connection.TokenBucket;
import io.careline.realtime.connection.TokenExpiry;
import io.careline.realtime.frame.FrameJson;
import io.careline.realtime.frame.ServerFrame;
import io.careline.realtime.presence.Presence;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Admits a device behind its welcome frame and lets it go: this node's registry, presence and the directory. */
@ApplicationScoped
public class Devices {
    @Inject
    ConnectionRegistry connections;

    @Inject
    Presence presence;

    @Inject
    ConnectionDirectory directory;

    @Inject
    TokenExpiry expiry;

    @Inject
    FrameJson frames;

    @Inject
    RealtimeConfig config;

    @Inject
    LimitsConfig limits;

    @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size")
    long maxFrameBytes;

    /**
     * Registers the device for delivery, behind its {@code welcome} frame: every frame delivered from then on
     * is written after the welcome, so a client that syncs once welcomed misses nothing.
     */
    void connected(Caller caller, long tokenExpiresAt, WebSocketConnection connection, EventLoopContext loop) {
        LiveConnection live = new LiveConnection(connection, loop, caller.over(connection.id()),
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

    /** The device on this node with this connection id, or null once it is closing. */
    LiveConnection get(String connectionId) {
        return connections.get(connectionId);
    }
}
