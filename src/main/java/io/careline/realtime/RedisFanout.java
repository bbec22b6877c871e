package io.careline.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Carries envelopes between nodes over one Redis pub/sub channel: every node publishes what it delivered
 * locally and delivers what the others published. Pub/sub keeps nothing, which is what we want: messages
 * are already stored in MySQL, and a client that missed a frame while Redis was away closes the gap with
 * {@code sync} (docs/architecture.md). The subscription reconnects by itself when Redis comes back.
 */
@ApplicationScoped
public class RedisFanout {
    static final String CHANNEL = "careline:fanout";
    private static final Logger LOG = Logger.getLogger(RedisFanout.class);
    private static final long RETRY_MILLIS = 1000;

    @Inject
    Redis redis;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    @Inject
    RealtimeNode node;

    @Inject
    LocalDelivery local;

    @Inject
    RealtimeMetrics metrics;

    private static final int MAX_BATCH = 256;
    private static final int MAX_QUEUED = 20_000;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(2);

    private final Queue<Request> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Whether the last batch reached Redis; only changes are logged, so an outage writes two lines. */
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private volatile RedisConnection subscription;
    private volatile boolean stopped;

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        RedisConnection current = subscription;
        if (current != null) {
            current.closeAndForget();
        }
    }

    /** Whether this node currently hears the other nodes' events. */
    public boolean subscribed() {
        return subscription != null;
    }

    /**
     * Queues an envelope for the other nodes. Envelopes leave in batches, one batch in flight at a time: a
     * pipeline on one pooled connection instead of a connection per event, so bursts neither exhaust the
     * pool nor reorder events.
     */
    void publish(Envelope envelope) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            // Redis is away or far behind: drop rather than grow without bound; clients close gaps with sync.
            queued.decrementAndGet();
            metrics.publishFailed(1);
            if (publishing.compareAndSet(true, false)) {
                LOG.warnf("the fan-out outbox is full (%d events); other nodes miss events until it drains", MAX_QUEUED);
            }
            return;
        }
        try {
            outbox.add(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(mapper.writeValueAsString(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope is always serialisable", e);
        }
        if (flushing.compareAndSet(false, true)) {
            flush();
        }
    }

    private void flush() {
        List<Request> batch = new ArrayList<>();
        for (Request next; batch.size() < MAX_BATCH && (next = outbox.poll()) != null;) {
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
        // A batch that never answers must not hold up every later one: after the timeout it counts as failed.
        redis.batch(batch).ifNoItem().after(BATCH_TIMEOUT).fail().subscribe().with(published -> {
            metrics.published(batch.size());
            if (publishing.compareAndSet(false, true)) {
                LOG.info("publishing to Redis works again");
            }
            flush();
        }, failure -> {
            metrics.publishFailed(batch.size());
            if (publishing.compareAndSet(true, false)) {
                LOG.warnf("publishing to Redis failed, other nodes miss events until it works again: %s", failure);
            }
            flush();
        });
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        redis.connect().subscribe().with(connection -> {
            AtomicBoolean lost = new AtomicBoolean();
            Runnable onLost = () -> {
                if (lost.compareAndSet(false, true) && !stopped) {
                    subscription = null;
                    connection.closeAndForget();
                    LOG.warn("lost the Redis fan-out subscription; other nodes' events wait until it is back");
                    retryLater();
                }
            };
            connection.handler(this::received);
            connection.exceptionHandler(failure -> onLost.run());
            connection.endHandler(onLost);
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).subscribe().with(subscribed -> {
                subscription = connection;
                LOG.infof("node %s subscribed to %s", node.id(), CHANNEL);
            }, failure -> onLost.run());
        }, failure -> retryLater());
    }

    private void retryLater() {
        if (!stopped) {
            vertx.setTimer(RETRY_MILLIS, id -> subscribe());
        }
    }

    private void received(Response push) {
        if (push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        try {
            Envelope envelope = mapper.readValue(push.get(2).toString(), Envelope.class);
            if (!node.id().equals(envelope.node())) {
                metrics.received();
                local.push(envelope);
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored a malformed fan-out envelope: %s", e.getOriginalMessage());
        }
    }
}
