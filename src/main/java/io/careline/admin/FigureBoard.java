package io.careline.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.admin.api.NodeFigures;
import io.careline.common.cluster.NodeIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every node's latest figures in one Redis hash, by node: each node samples its meters every
 * {@code figures-interval} and writes its field; readers skip (and remove) a field older than three intervals,
 * the word of a node that stopped. Sampled by the wall clock, not the application's: these describe the
 * machine, now.
 */
@ApplicationScoped
public class FigureBoard {
    static final String KEY = "careline:figures";
    private static final Logger LOG = Logger.getLogger(FigureBoard.class);

    @Inject
    Redis redis;

    @Inject
    MeterRegistry registry;

    @Inject
    NodeIdentity node;

    @Inject
    AdminConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    private FigureSampler sampler;
    private long timer;

    void start(@Observes StartupEvent event) {
        sampler = new FigureSampler(registry, node.id());
        timer = vertx.setPeriodic(config.figuresInterval().toMillis(), id -> publish());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** The live nodes' figures, by node id. Blocks for Redis: worker threads only. */
    public List<NodeFigures> read() {
        Response fields = redis.send(Request.cmd(Command.HGETALL).arg(KEY)).await().atMost(Duration.ofSeconds(2));
        Instant oldest = Instant.now().minus(config.figuresInterval().multipliedBy(3));
        List<NodeFigures> live = new ArrayList<>();
        for (String nodeId : fields.getKeys()) {
            try {
                NodeFigures figures = mapper.readValue(fields.get(nodeId).toString(), NodeFigures.class);
                if (figures.sampledAt().isBefore(oldest)) {
                    redis.send(Request.cmd(Command.HDEL).arg(KEY).arg(nodeId)).subscribe().with(done -> {
                    }, failure -> LOG.debugf("stale figures of %s not removed: %s", nodeId, failure.getMessage()));
                } else {
                    live.add(figures);
                }
            } catch (JsonProcessingException e) {
                LOG.warnf("skipped malformed figures of %s: %s", nodeId, e.getOriginalMessage());
            }
        }
        live.sort(Comparator.comparing(NodeFigures::node));
        return live;
    }

    private void publish() {
        String json;
        try {
            json = mapper.writeValueAsString(sampler.sample(Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures are always serialisable", e);
        }
        redis.send(Request.cmd(Command.HSET).arg(KEY).arg(node.id()).arg(json)).subscribe().with(done -> {
        }, failure -> LOG.debugf("figures not published: %s", failure.getMessage()));
    }
}
