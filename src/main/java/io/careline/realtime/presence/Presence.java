package io.careline.realtime.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.Batches;
import io.careline.common.cluster.NodeIdentity;
import io.careline.notification.OnlineUsers;
import io.careline.realtime.connection.ConnectionRegistry;
import io.careline.realtime.connection.RealtimeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Who is online, across nodes, kept in Redis. Each user has a sorted set of the nodes holding one of their
 * devices, scored by when that node's word expires; nodes renew it for their users every heartbeat, so the
 * users of a node that crashed expire by themselves within the TTL, and a sweep (on every node) announces
 * them offline. A global sorted set of deadlines lets the sweep find expired entries without scanning keys.
 * Each step is one Lua script, so two nodes never both (or neither) announce a change.
 */
@ApplicationScoped
public class Presence implements OnlineUsers {
    static final String DEADLINES = "careline:presence:deadlines";
    private static final Logger LOG = Logger.getLogger(Presence.class);

    /** KEYS: user set, deadlines. ARGV: node, deadline, now, deadline member, ttl ms. Returns {added, live}. */
    private static final String RENEW = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            local added = redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
            return {added, redis.call('ZCARD', KEYS[1])}""";

    /** KEYS: user set, deadlines. ARGV: node, now, deadline member. Returns how many nodes still hold the user. */
    private static final String LEAVE = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
            return redis.call('ZCARD', KEYS[1])""";

    /**
     * KEYS: deadlines, user set. ARGV: deadline member, node, now. -1 when the entry was renewed or swept
     * meanwhile; else how many nodes still hold the user.
     */
    private static final String EXPIRE = """
            local deadline = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not deadline or tonumber(deadline) > tonumber(ARGV[3]) then return -1 end
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
            return redis.call('ZCARD', KEYS[2])""";

    /** KEYS: user sets. ARGV: now. Returns how many of the users some node still holds. */
    private static final String COUNT_ONLINE = """
            local online = 0
            for _, key in ipairs(KEYS) do
              if redis.call('ZCOUNT', key, '(' .. ARGV[1], '+inf') > 0 then online = online + 1 end
            end
            return online""";

    @Inject
    Redis redis;

    @Inject
    RealtimeConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    ConnectionRegistry connections;

    @Inject
    PresenceAnnouncer announcer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    private long heartbeatTimer;

    /** The user's first device on this node connected. */
    public void arrived(String tenant, String userId) {
        redis.send(renew(tenant, userId, System.currentTimeMillis())).subscribe().with(
                reply -> announceIfArrived(tenant, userId, reply),
                failure -> LOG.debugf("presence of %s not recorded: %s", userId, failure.getMessage()));
    }

    /** The user's last device on this node disconnected. */
    public void departed(String tenant, String userId) {
        long now = System.currentTimeMillis();
        redis.send(Request.cmd(Command.EVAL).arg(LEAVE).arg(2).arg(userKey(tenant, userId)).arg(DEADLINES)
                .arg(node.id()).arg(now).arg(deadlineMember(tenant, userId, node.id()))).subscribe().with(
                        live -> {
                            if (live.toLong() == 0) {
                                announcer.announce(tenant, userId, false);
                            }
                        },
                        failure -> LOG.debugf("presence of %s not removed: %s", userId, failure.getMessage()));
    }

    /**
     * Beats on a Vert.x timer, not {@code @Scheduled}: Quarkus' scheduler looks at its triggers once a second,
     * which would stretch a one-second heartbeat to two and take users offline while their node lives.
     */
    void start(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(config.presenceHeartbeat().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(heartbeatTimer);
    }

    /** Renews this node's users, then announces the users of silent nodes offline; never blocks. */
    void heartbeat() {
        long now = System.currentTimeMillis();
        renewFrom(connections.users(), 0, now);
        sweep(now);
    }

    /**
     * Renews one batch of users, and the next once Redis has answered: a node holding 20,000 users then
     * builds 500 requests per event-loop turn instead of all 20,000 in one, which blocked its event loop for
     * seconds (docs/benchmarks.md, connect storm).
     */
    private void renewFrom(List<ConnectionRegistry.UserKey> users, int from, long now) {
        if (from >= users.size()) {
            return;
        }
        List<ConnectionRegistry.UserKey> chunk = users.subList(from, Math.min(users.size(), from + config.presenceBatch()));
        List<Request> renewals = chunk.stream().map(user -> renew(user.tenant(), user.userId(), now)).toList();
        redis.batch(renewals).subscribe().with(replies -> {
            for (int i = 0; i < replies.size(); i++) {
                announceIfArrived(chunk.get(i).tenant(), chunk.get(i).userId(), replies.get(i));
            }
            renewFrom(users, from + chunk.size(), now);
        }, failure -> {
            LOG.debugf("presence heartbeat failed: %s", failure.getMessage());
            renewFrom(users, from + chunk.size(), now);
        });
    }

    /**
     * Takes expired entries a batch at a time, and the next batch once this one is done, until none is left:
     * a node that crashed holding 20,000 users then has them all offline within the heartbeat or two after
     * the TTL, not 500 a heartbeat (which took 40 heartbeats, and delayed every later expiry behind them).
     */
    private void sweep(long now) {
        redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(DEADLINES).arg("-inf").arg(now).arg("LIMIT").arg(0)
                .arg(config.presenceBatch())).subscribe().with(expired -> {
                    if (expired.size() == 0) {
                        return;
                    }
                    List<Uni<Void>> expiries = new ArrayList<>();
                    for (Response member : expired) {
                        expiries.add(expire(member.toString(), now));
                    }
                    boolean more = expired.size() == config.presenceBatch();
                    Uni.join().all(expiries).andCollectFailures().subscribe().with(all -> {
                        if (more) {
                            sweep(now);
                        }
                    }, failure -> LOG.debugf("presence expiry failed: %s", failure.getMessage()));
                }, failure -> LOG.debugf("presence sweep failed: %s", failure.getMessage()));
    }

    /** Expires one deadline entry unless its node renewed it meanwhile; the user goes offline with its last node. */
    private Uni<Void> expire(String member, long now) {
        List<String> parts;
        try {
            parts = mapper.readValue(member, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            return redis.send(Request.cmd(Command.ZREM).arg(DEADLINES).arg(member)).replaceWithVoid();
        }
        String tenant = parts.get(0);
        String userId = parts.get(1);
        return redis.send(Request.cmd(Command.EVAL).arg(EXPIRE).arg(2).arg(DEADLINES).arg(userKey(tenant, userId))
                .arg(member).arg(parts.get(2)).arg(now)).invoke(live -> {
                    if (live.toLong() == 0) {
                        announcer.announce(tenant, userId, false);
                    }
                }).replaceWithVoid();
    }

    /**
     * This node's word for the user lasts TTL minus one heartbeat: a node that dies just before a heartbeat
     * is then swept (each heartbeat) at most TTL after its last sign of life, so its users are offline within
     * the TTL; a live node renews a heartbeat ahead of the deadline.
     */
    private Request renew(String tenant, String userId, long now) {
        long ttl = config.presenceTtl().toMillis();
        long heartbeat = config.presenceHeartbeat().toMillis();
        long deadline = now + Math.max(heartbeat, ttl - heartbeat);
        return Request.cmd(Command.EVAL).arg(RENEW).arg(2).arg(userKey(tenant, userId)).arg(DEADLINES)
                .arg(node.id()).arg(deadline).arg(now).arg(deadlineMember(tenant, userId, node.id())).arg(ttl);
    }

    /** A renewal that added this node as the user's only one means the user just came online. */
    private void announceIfArrived(String tenant, String userId, Response reply) {
        if (reply.get(0).toLong() == 1 && reply.get(1).toLong() == 1) {
            announcer.announce(tenant, userId, true);
        }
    }

    /**
     * One script per {@code presence-batch} users counts them in Redis, so a count of thousands costs a few
     * replies rather than one per user; the count gives up after a heartbeat.
     */
    @Override
    public CompletionStage<OptionalInt> countOnline(String tenant, Collection<String> userIds) {
        String now = Long.toString(System.currentTimeMillis());
        List<Uni<Response>> counts = new ArrayList<>();
        for (List<String> batch : Batches.of(List.copyOf(userIds), config.presenceBatch())) {
            Request count = Request.cmd(Command.EVAL).arg(COUNT_ONLINE).arg(batch.size());
            batch.forEach(userId -> count.arg(userKey(tenant, userId)));
            counts.add(redis.send(count.arg(now)));
        }
        if (counts.isEmpty()) {
            return CompletableFuture.completedFuture(OptionalInt.of(0));
        }
        return Uni.join().all(counts).andFailFast()
                .map(replies -> OptionalInt.of(replies.stream().mapToInt(Response::toInteger).sum()))
                .ifNoItem().after(config.presenceHeartbeat()).fail()
                .onFailure().recoverWithItem(unavailable -> {
                    LOG.warnf("presence not counted for %d users: %s", userIds.size(), unavailable.getMessage());
                    return OptionalInt.empty();
                })
                .subscribeAsCompletionStage();
    }

    /**
     * Those of the users with a live connection on any node, {@code presence-batch} asked together. Blocks for
     * the answers, so it is called from worker threads only (a send's answer, a push worker).
     */
    @Override
    public Optional<Set<String>> online(String tenant, Collection<String> userIds) {
        long now = System.currentTimeMillis();
        List<String> users = List.copyOf(userIds);
        List<Request> counts = users.stream().map(userId -> Request.cmd(Command.ZCOUNT)
                .arg(userKey(tenant, userId)).arg("(" + now).arg("+inf")).toList();
        List<Uni<List<Response>>> batches = new ArrayList<>();
        for (List<Request> batch : Batches.of(counts, config.presenceBatch())) {
            batches.add(redis.batch(batch));
        }
        if (batches.isEmpty()) {
            return Optional.of(Set.of());
        }
        try {
            List<Response> replies = Uni.join().all(batches).andFailFast().await().atMost(config.presenceHeartbeat())
                    .stream().flatMap(List::stream).toList();
            Set<String> online = new HashSet<>();
            for (int i = 0; i < replies.size(); i++) {
                if (replies.get(i).toLong() > 0) {
                    online.add(users.get(i));
                }
            }
            return Optional.of(online);
        } catch (RuntimeException unavailable) {
            LOG.warnf("presence not read for %d users: %s", userIds.size(), unavailable.getMessage());
            return Optional.empty();
        }
    }

    private static String userKey(String tenant, String userId) {
        // Length-prefixed so that no tenant and user id pair can spell another's key.
        return "careline:presence:" + tenant.length() + ":" + tenant + ":" + userId;
    }

    private String deadlineMember(String tenant, String userId, String nodeId) {
        try {
            return mapper.writeValueAsString(List.of(tenant, userId, nodeId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings are always serialisable", e);
        }
    }
}
