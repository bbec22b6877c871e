package io.careline.realtime.presence;

import io.careline.common.Batches;
import io.careline.conversation.ParticipantService;
import io.careline.realtime.connection.ConnectionRegistry.UserKey;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.ServerFrame;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Tells each user's contacts (who shares a session with them) that the user came online or went offline. One
 * worker at a time announces what is queued; what arrives meanwhile waits for the next round, so alone a change
 * is announced at once, and in a connect or disconnect storm thousands of changes share one contacts query per
 * {@code presence-batch} users instead of a query each. A user who changed twice in one round is announced once,
 * in their last state.
 */
@ApplicationScoped
public class PresenceAnnouncer {
    private static final Logger LOG = Logger.getLogger(PresenceAnnouncer.class);

    @Inject
    ParticipantService participants;

    @Inject
    Fanout fanout;

    @Inject
    RealtimeConfig config;

    private final Queue<Change> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean announcing = new AtomicBoolean();

    /** Queues the change; never blocks (called on event loops). */
    void announce(String tenant, String userId, boolean online) {
        queued.add(new Change(new UserKey(tenant, userId), online));
        startIfIdle();
    }

    private void startIfIdle() {
        if (!queued.isEmpty() && announcing.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::announceQueued);
        }
    }

    private void announceQueued() {
        try {
            Map<UserKey, Boolean> latest = new LinkedHashMap<>();
            for (Change change = queued.poll(); change != null; change = queued.poll()) {
                latest.remove(change.user());
                latest.put(change.user(), change.online());
            }
            Map<String, List<UserKey>> byTenant = new LinkedHashMap<>();
            latest.keySet().forEach(user -> byTenant.computeIfAbsent(user.tenant(), t -> new ArrayList<>()).add(user));
            byTenant.forEach((tenant, users) -> {
                for (List<UserKey> batch : Batches.of(users, config.presenceBatch())) {
                    try {
                        announce(tenant, batch, latest);
                    } catch (RuntimeException failed) {
                        // Presence frames are a courtesy: a batch that failed is not retried, the others go on.
                        LOG.warnf(failed, "presence changes of %d users not announced", batch.size());
                    }
                }
            });
        } finally {
            announcing.set(false);
            startIfIdle(); // a change queued after the last poll, while the flag was still set
        }
    }

    private void announce(String tenant, List<UserKey> batch, Map<UserKey, Boolean> online) {
        Map<String, List<String>> contacts = participants.contactsOf(tenant,
                batch.stream().map(UserKey::userId).toList());
        long now = System.currentTimeMillis();
        for (UserKey user : batch) {
            List<String> theirs = contacts.get(user.userId());
            if (theirs != null) {
                fanout.deliver(tenant, theirs, ServerFrame.Presence.of(user.userId(), online.get(user)), null, now);
            }
        }
    }

    private record Change(UserKey user, boolean online) {
    }
}
