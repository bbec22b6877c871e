package io.careline.realtime;

import io.careline.realtime.connection.ConnectionRegistry;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.frame.CloseCode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains the node's WebSockets on SIGTERM. New upgrades are refused at once (readiness is going down too);
 * when the shutdown delay has given the load balancer time to stop routing here, every connection is closed
 * with {@link CloseCode#SERVER_DRAINING} (4002, "reconnect elsewhere") behind the frames still queued for it.
 * Quarkus has no application hook at the start of its shutdown delay, so this is a JVM shutdown hook of its
 * own, registered only when the application runs as itself (not in dev mode or tests).
 */
@ApplicationScoped
public class Drain {
    private static final Logger LOG = Logger.getLogger(Drain.class);

    @Inject
    ConnectionRegistry connections;

    @Inject
    RealtimeConfig config;

    @ConfigProperty(name = "quarkus.shutdown.delay", defaultValue = "0s")
    Duration delay;

    private final Thread hook = new Thread(this::drain, "careline-drain");
    private volatile boolean draining;

    void register(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    void unregister(@Observes ShutdownEvent event) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException alreadyRunningOrAbsent) {
            // Shutting down through SIGTERM (the hook runs) or never registered: nothing to undo.
        }
    }

    /** Whether this node refuses new WebSocket connections. */
    boolean draining() {
        return draining;
    }

    private void drain() {
        draining = true;
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Uni<Void>> closes = connections.all().stream()
                .map(connection -> connection.socket.close(CloseCode.SERVER_DRAINING.reason())
                        .onFailure().recoverWithNull())
                .toList();
        LOG.infof("draining: closing %d WebSocket connections", closes.size());
        if (!closes.isEmpty()) {
            Uni.join().all(closes).andCollectFailures().onFailure().recoverWithNull().await().atMost(config.drainCloseWait());
        }
    }
}
