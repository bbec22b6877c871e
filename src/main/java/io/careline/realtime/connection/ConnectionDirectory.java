package io.careline.realtime.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.Batches;
import io.careline.common.cluster.NodeIdentity;
import io.careline.realtime.api.DirectoryEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Every node's open connections, per tenant, in Redis, for administrators (docs/console.md). A node writes a
 * connection when it opens and removes it when it closes; every presence heartbeat it rewrites each tenant's
 * hash whole from its registry (which also refreshes last activity, and removes an entry that a close
 * overtook) and renews its own deadline in the node set. A crashed node's hashes expire with the presence TTL,
 * and readers skip nodes whose deadline passed.
 */
@ApplicationScoped
public class ConnectionDirectory {
    static final String NODES = "careline:connections:nodes";
    private static final Logger LOG = Logger.getLogger(ConnectionDirectory.class);

    @Inject
    Redis redis;

    @Inject
    RealtimeConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    ConnectionRegistry connections;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    private long timer;

    /** The rewrite serialises every connection of the node: on a worker thread, not the timer's event loop. */
    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.presenceHeartbeat().toMillis(),
                id -> Infrastructure.getDefaultWorkerPool().execute(this::rewrite));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    public void added(LiveConnection live) {
        String key = key(live.caller.tenant(), node.id());
        send(List.of(Request.cmd(Command.HSET).arg(key).arg(live.id()).arg(json(live)),
                Request.cmd(Command.PEXPIRE).arg(key).arg(config.presenceTtl().toMillis()), renewNode()));
    }

    public void removed(LiveConnection live) {
        send(List.of(Request.cmd(Command.HDEL).arg(key(live.caller.tenant(), node.id())).arg(live.id())));
    }

    /**
     * The tenant's open connections on every live node, oldest first. Blocks for Redis, so it is called from
     * worker threads only.
     */
    public List<DirectoryEntry> list(String tenant) {
        Response live = redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(NODES).arg("(" + System.currentTimeMillis())
                .arg("+inf")).await().atMost(config.presenceHeartbeat());
        List<Request> reads = new ArrayList<>();
        for (Response nodeId : live) {
            reads.add(Request.cmd(Command.HVALS).arg(key(tenant, nodeId.toString())));
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        if (reads.isEmpty()) {
            return entries;
        }
        for (Response values : redis.batch(reads).await().atMost(config.presenceHeartbeat())) {
            for (Response value : values) {
                try {
                    entries.add(mapper.readValue(value.toString(), DirectoryEntry.class));
                } catch (JsonProcessingException e) {
                    LOG.warnf("skipped a malformed directory entry: %s", e.getOriginalMessage());
                }
            }
        }
        entries.sort(Comparator.comparing(DirectoryEntry::connectedAt).thenComparing(DirectoryEntry::connectionId));
        return entries;
    }

    /**
     * Rewrites each tenant's hash of this node through a temporary key and RENAME, so a reader sees the old
     * hash or the new one, never half of it.
     */
    private void rewrite() {
        Map<String, List<LiveConnection>> byTenant = new HashMap<>();
        for (LiveConnection live : connections.all()) {
            byTenant.computeIfAbsent(live.caller.tenant(), tenant -> new ArrayList<>()).add(live);
        }
        List<Request> requests = new ArrayList<>();
        requests.add(renewNode());
        // Node ids change with every start: forget the nodes whose word ran out, or the set grows forever.
        requests.add(Request.cmd(Command.ZREMRANGEBYSCORE).arg(NODES).arg("-inf").arg(System.currentTimeMillis()));
        long ttl = config.presenceTtl().toMillis();
        byTenant.forEach((tenant, devices) -> {
            String key = key(tenant, node.id());
            String staging = key + ":staging";
            requests.add(Request.cmd(Command.DEL).arg(staging));
            for (List<LiveConnection> chunk : Batches.of(devices, config.presenceBatch())) {
                Request hset = Request.cmd(Command.HSET).arg(staging);
                chunk.forEach(live -> hset.arg(live.id()).arg(json(live)));
                requests.add(hset);
            }
            requests.add(Request.cmd(Command.PEXPIRE).arg(staging).arg(ttl));
            requests.add(Request.cmd(Command.RENAME).arg(staging).arg(key));
        });
        send(requests);
    }

    private Request renewNode() {
        return Request.cmd(Command.ZADD).arg(NODES).arg(System.currentTimeMillis() + config.presenceTtl().toMillis())
                .arg(node.id());
    }

    private void send(List<Request> requests) {
        redis.batch(requests).subscribe().with(done -> {
        }, failure -> LOG.debugf("connection directory not updated: %s", failure.getMessage()));
    }

    private String json(LiveConnection live) {
        try {
            return mapper.writeValueAsString(new DirectoryEntry(live.id(), live.caller.userId(),
                    live.caller.primaryRole().wire(), live.client.clientType(), node.id(),
                    Instant.ofEpochMilli(live.connectedAtMillis), Instant.ofEpochMilli(live.lastActiveMillis()),
                    live.client.userAgent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a directory entry is always serialisable", e);
        }
    }

    private static String key(String tenant, String nodeId) {
        // Length-prefixed, as presence keys are, so that no tenant and node pair can spell another's key.
        return "careline:connections:" + tenant.length() + ":" + tenant + ":" + nodeId;
    }
}
