package io.careline.realtime.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.realtime.connection.RealtimeConfig;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Publishes envelopes to the other nodes through a bounded outbox: batches of {@code PUBLISH} commands
 * pipelined on one connection of its own, one batch in flight, so events leave in the order they were
 * queued and never wait behind presence traffic for a pooled connection (docs/architecture.md).
 */
@ApplicationScoped
public class FanoutPublisher {
    private static final Logger LOG = Logger.getLogger(FanoutPublisher.class);

    @Inject
    @RedisClientName(FanoutSubscriber.FANOUT_CLIENT)
    Redis redis;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    @Inject
    FanoutMetrics metrics;

    @Inject
    RealtimeConfig config;

    private final Queue<Request> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Whether the last batch reached Redis; only changes are logged, so an outage writes two lines. */
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    /** The publishing connection; while it is being (re)opened, batches fail at once. */
    private KeptRedisConnection connection;

    /** How many envelopes wait to be published. */
    int backlog() {
        return queued.get();
    }

    /** Queues an envelope for the other nodes; never blocks. */
    void publish(Envelope envelope) {
        if (queued.incrementAndGet() > config.fanoutOutboxSize()) {
            // Redis is away or far behind: drop rather than grow without bound; clients close gaps with sync.
            queued.decrementAndGet();
            failed(1, "the outbox is full (" + config.fanoutOutboxSize() + " events)");
            return;
        }
        try {
            outbox.add(Request.cmd(Command.PUBLISH).arg(FanoutSubscriber.CHANNEL).arg(mapper.writeValueAsString(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope is always serialisable", e);
        }
        if (flushing.compareAndSet(false, true)) {
            flush();
        }
    }

    @PostConstruct
    void init() {
        connection = new KeptRedisConnection("fan-out publishing", redis, vertx, config.redisReconnectDelay(),
                opened -> Uni.createFrom().voidItem());
    }

    void start(@Observes StartupEvent event) {
        connection.open();
    }

    void stop(@Observes ShutdownEvent event) {
        connection.close();
    }

    private void flush() {
        List<Request> batch = new ArrayList<>();
        for (Request next; batch.size() < config.fanoutBatchSize() && (next = outbox.poll()) != null;) {
            batch.add(next);
        }
        queued.addAndGet(-batch.size());
        if (batch.isEmpty()) {
            flushing.set(false);
            // An envelope queued after the poll and before the reset would wait for the next one; flush again.
            if (!outbox.isEmpty() && flushing.compareAndSet(false, true)) {
                flush();
            }
            return;
        }
        RedisConnection current = connection.get();
        if (current == null) {
            failed(batch.size(), "no connection to Redis");
            flush();
            return;
        }
        send(current, batch);
    }

    /** Publishes one batch in a pipeline, then flushes the next; a batch unanswered by its deadline has failed. */
    private void send(RedisConnection current, List<Request> batch) {
        // The deadline is a Vert.x timer: Mutiny's timeouts run on the worker pool, which is the first thing
        // to back up under load (a batch once waited 30 s for its 2 s timeout).
        AtomicBoolean settled = new AtomicBoolean();
        long timeout = config.fanoutBatchTimeout().toMillis();
        long deadline = vertx.setTimer(timeout, id -> {
            if (settled.compareAndSet(false, true)) {
                batchFailed(current, batch.size(), "no answer within " + timeout + " ms");
            }
        });
        current.batch(batch).subscribe().with(published -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(deadline);
                metrics.published(batch.size());
                if (publishing.compareAndSet(false, true)) {
                    LOG.info("publishing to Redis works again");
                }
                flush();
            }
        }, failure -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(deadline);
                batchFailed(current, batch.size(), failure.toString());
            }
        });
    }

    /** A connection that failed or stopped answering is not trusted with the next batch. */
    private void batchFailed(RedisConnection current, int events, String reason) {
        connection.lost(current);
        failed(events, reason);
        flush();
    }

    /** Whether events can leave for the other nodes now. */
    public boolean connected() {
        return connection.get() != null;
    }

    private void failed(int events, String reason) {
        metrics.publishFailed(events);
        if (publishing.compareAndSet(true, false)) {
            LOG.warnf("publishing to Redis failed, other nodes miss events until it works again: %s", reason);
        }
    }
}
