package io.careline.retention;

import io.careline.common.Times;
import io.careline.common.cluster.NodeIdentity;
import io.careline.conversation.MessageRetention;
import io.careline.notification.NotificationRetention;
import io.careline.retention.model.RetentionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies every tenant's retention policies: content older than the policy's days becomes a tombstone, in
 * batches of short transactions, except in sessions on legal hold. Every node runs it; a row is purged by the
 * first that reaches it, and each node logs what it purged (retention_log and the application log).
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    @Inject
    RetentionStore store;

    @Inject
    MessageRetention messages;

    @Inject
    NotificationRetention notifications;

    @Inject
    RetentionConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.retention.purge-interval}", delayed = "${careline.retention.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Runs every policy once; returns how many rows this node purged. */
    public int purge() {
        Instant now = Times.now(clock);
        List<RetentionStore.Policy> policies = QuarkusTransaction.requiringNew().call(store::allPolicies);
        int total = 0;
        for (RetentionStore.Policy policy : policies) {
            total += purge(policy, now);
        }
        return total;
    }

    private int purge(RetentionStore.Policy policy, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(policy.keepDays()));
        RetentionScope scope = RetentionScope.parse(policy.scope());
        int purged = 0;
        int batch;
        do {
            batch = scope.notifications()
                    ? notifications.purgeBatch(policy.tenant(), cutoff, now, config.batchSize())
                    : messages.purgeBatch(policy.tenant(), scope.sessionType(), cutoff, now, config.batchSize());
            purged += batch;
        } while (batch == config.batchSize());
        if (purged > 0) {
            int count = purged;
            QuarkusTransaction.requiringNew().run(() -> store.log(policy, cutoff, count, node.id(), now));
            LOG.infof("retention purged %d %s of tenant %s sent before %s", purged, policy.scope(), policy.tenant(),
                    cutoff);
        }
        return purged;
    }
}
