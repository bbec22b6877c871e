package io.careline.push.outbox;

import io.careline.common.cluster.NodeIdentity;
import io.careline.notification.OfflineInbox;
import io.careline.push.PushConfig;
import io.careline.push.PushMetrics;
import io.careline.push.channel.SendResult;
import io.careline.push.model.ClaimedPush;
import io.careline.push.model.DeviceRepository;
import io.careline.push.model.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Each node's push worker: claims due pushes under a lease (rows other nodes hold are skipped), decides and
 * sends them, and records each result fenced by its attempt. A node dying mid-send leaves leases that run out;
 * another node then sends again with the same provider idempotency key.
 */
@ApplicationScoped
public class PushWorker {
    @Inject
    OutboxStore outbox;

    @Inject
    PushDispatcher dispatcher;

    @Inject
    OfflineInbox inbox;

    @Inject
    PushMetrics metrics;

    @Inject
    PushConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    DeviceRepository devices;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.push.poll-interval}", delayed = "${careline.push.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WorkersDisabled.class)
    void scheduled() {
        drain();
    }

    /** Sends batches until none is due; returns how many pushes it claimed. */
    public int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = runOnce(node.id());
            total += claimed;
        } while (claimed == config.batchSize());
        return total;
    }

    /** Claims, sends and records one batch as {@code nodeId}; returns how many pushes it claimed. */
    public int runOnce(String nodeId) {
        Instant now = now();
        List<ClaimedPush> claimed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claim(nodeId, now, config.lease(), config.batchSize()));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, List<ClaimedPush>> byTenant = claimed.stream()
                .collect(Collectors.groupingBy(ClaimedPush::tenant));
        List<PushDispatcher.Decision> decisions = new ArrayList<>();
        byTenant.forEach((tenant, pushes) -> {
            Set<String> online = dispatcher.online(tenant, pushes);
            decisions.addAll(QuarkusTransaction.requiringNew().call(() -> dispatcher.decide(tenant, pushes, online,
                    now)));
        });
        Map<Long, SendResult> sent = dispatcher.send(decisions);
        record(decisions, sent);
        return claimed.size();
    }

    /** Turns each attempt into its outcome, counts it, and records them all in one transaction. */
    private void record(List<PushDispatcher.Decision> decisions, Map<Long, SendResult> sent) {
        Instant now = now();
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        List<OutboxStore.Result> results = new ArrayList<>();
        List<Long> goneDevices = new ArrayList<>();
        List<ClaimedPush> failed = new ArrayList<>();
        for (PushDispatcher.Decision decision : decisions) {
            ClaimedPush push = decision.push();
            PushOutcome outcome = PushOutcome.of(decision, sent.get(push.pk()), config.maxAttempts(), now,
                    attempt -> backoff.after(attempt, ThreadLocalRandom.current()::nextDouble));
            results.add(outcome.row());
            count(push, outcome.kind(), now);
            if (outcome.kind().failed()) {
                failed.add(push);
            }
            if (outcome.kind() == PushOutcome.Kind.GONE && push.device() != null) {
                goneDevices.add(push.device().pk());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> recorded = outbox.record(results, now);
            if (!goneDevices.isEmpty()) {
                devices.deleteGone(goneDevices);
            }
            failCopiesThatReachedNobody(failed, recorded, now);
        });
    }

    private void count(ClaimedPush push, PushOutcome.Kind kind, Instant now) {
        if (kind.meterOutcome() != null) {
            metrics.attempt(push.channel(), kind.meterOutcome());
        }
        if (kind == PushOutcome.Kind.DELIVERED) {
            metrics.delivered(push.channel(), Duration.between(push.createdAt(), now));
        }
    }

    /** A notification copy whose every push is now dead, and that no live device got, is marked failed. */
    private void failCopiesThatReachedNobody(List<ClaimedPush> failed, List<Long> recorded, Instant now) {
        failed.stream()
                .filter(push -> PushEnqueuer.NOTIFICATION.equals(push.cause()) && recorded.contains(push.pk()))
                .filter(push -> outbox.allDead(push.tenant(), push.cause(), push.causeRef(), push.userId()))
                .forEach(push -> inbox.failed(push.tenant(), push.causeRef(), push.userId(), now));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Skips the scheduled drain on nodes that only enqueue (careline.push.workers-enabled=false). */
    @ApplicationScoped
    public static class WorkersDisabled implements Scheduled.SkipPredicate {
        @Inject
        PushConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.workersEnabled();
        }
    }
}
