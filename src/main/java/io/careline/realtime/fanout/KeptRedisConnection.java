package io.careline.realtime.fanout;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Keeps one long-lived connection of a Redis client open for one purpose (the fan-out's subscription, its
 * publishing): opens and readies it, notices when Redis closes it, and opens a new one, retrying after a delay while Redis is away. Opening is never given up on by a timeout: a connection that arrived after
 * its caller stopped waiting would never go back to the client's pool.
 */
final class KeptRedisConnection {
    private static final Logger LOG = Logger.getLogger(KeptRedisConnection.class);

    private final String purpose;
    private final Redis redis;
    private final Vertx vertx;
    private final Duration retryDelay;
    private final Function<RedisConnection, Uni<?>> ready;
    private final AtomicReference<RedisConnection> current = new AtomicReference<>();
    /** A connection opened but not yet ready; lost before it is ready, it is replaced too. */
    private final AtomicReference<RedisConnection> readying = new AtomicReference<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param ready what a fresh connection must do before it serves (say, subscribe)
     * @param retryDelay how long to wait before opening again when opening failed
     */
    KeptRedisConnection(String purpose, Redis redis, Vertx vertx, Duration retryDelay,
            Function<RedisConnection, Uni<?>> ready) {
        this.purpose = purpose;
        this.redis = redis;
        this.vertx = vertx;
        this.retryDelay = retryDelay;
        this.ready = ready;
    }

    /** The open, readied connection; null while a new one is being opened. */
    RedisConnection get() {
        return current.get();
    }

    void open() {
        if (stopped || !opening.compareAndSet(false, true)) {
            return;
        }
        redis.connect().subscribe().with(opened -> {
            readying.set(opened);
            // Redis closing the connection is noticed at once, not only by the next command that fails.
            opened.exceptionHandler(failure -> lost(opened));
            opened.endHandler(() -> lost(opened));
            ready.apply(opened).subscribe().with(done -> {
                if (readying.compareAndSet(opened, null)) {
                    current.set(opened);
                    opening.set(false);
                    LOG.infof("Redis %s connection open", purpose);
                }
            }, failure -> lost(opened));
        }, failure -> retryLater());
    }

    /** Gives up a connection that failed or stopped answering (in use or still being readied) for a new one. */
    void lost(RedisConnection connection) {
        if (current.compareAndSet(connection, null)) {
            connection.closeAndForget();
            LOG.warnf("lost the Redis %s connection; opening a new one", purpose);
            open();
        } else if (readying.compareAndSet(connection, null)) {
            connection.closeAndForget();
            retryLater();
        }
    }

    void close() {
        stopped = true;
        RedisConnection last = current.getAndSet(null);
        if (last != null) {
            last.closeAndForget();
        }
    }

    private void retryLater() {
        opening.set(false);
        if (!stopped) {
            vertx.setTimer(retryDelay.toMillis(), id -> open());
        }
    }
}
