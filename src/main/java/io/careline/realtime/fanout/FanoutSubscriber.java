package io.careline.realtime.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.cluster.NodeIdentity;
import io.careline.realtime.connection.RealtimeConfig;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Hears the other nodes on the Redis pub/sub channel that {@link FanoutPublisher} publishes to, and
 * delivers their envelopes to this node's devices. Pub/sub keeps nothing, which is what we want: messages
 * are already stored in MySQL, and a client that missed a frame while Redis was away closes the gap with
 * {@code sync} (docs/architecture.md). The subscription reconnects by itself when Redis comes back.
 */
@ApplicationScoped
public class FanoutSubscriber {
    static final String CHANNEL = "careline:fanout";
    /** The Redis client of the fan-out alone (application.properties). */
    static final String FANOUT_CLIENT = "fanout";
    private static final Logger LOG = Logger.getLogger(FanoutSubscriber.class);

    @Inject
    @RedisClientName(FANOUT_CLIENT)
    Redis redis;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    @Inject
    NodeIdentity node;

    @Inject
    LocalDelivery local;

    @Inject
    FanoutMetrics metrics;

    @Inject
    RealtimeConfig config;

    private KeptRedisConnection subscription;

    /** How this node's own envelopes begin (the envelope's first component is its origin node). */
    private String ownPrefix;

    @PostConstruct
    void init() {
        try {
            ownPrefix = "{\"node\":" + mapper.writeValueAsString(node.id()) + ",";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always serialisable", e);
        }
        subscription = new KeptRedisConnection("fan-out subscription", redis, vertx, config.redisReconnectDelay(),
                opened -> {
            opened.handler(this::received);
            return opened.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL));
        });
    }

    void start(@Observes StartupEvent event) {
        subscription.open();
    }

    void stop(@Observes ShutdownEvent event) {
        subscription.close();
    }

    /** Whether this node currently hears the other nodes' events. */
    public boolean subscribed() {
        return subscription.get() != null;
    }

    private void received(Response push) {
        if (push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        String json = push.get(2).toString();
        if (json.startsWith(ownPrefix)) {
            // This node delivered its own envelope before publishing it: no need to parse it to drop it.
            return;
        }
        try {
            Envelope envelope = mapper.readValue(json, Envelope.class);
            if (!node.id().equals(envelope.node())) {
                metrics.received();
                local.push(envelope);
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored a malformed fan-out envelope: %s", e.getOriginalMessage());
        }
    }
}
