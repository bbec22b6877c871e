package io.careline.push.outbox;

import io.careline.push.model.DeviceRepository;
import io.careline.common.cluster.NodeIdentity;
import io.careline.notification.OfflineInbox;
import io.careline.push.PushConfig;
import io.careline.push.PushMetrics;
import io.careline.push.channel.SendResult;
import io.careline.push.model.ClaimedPush;
import io.careline.push.model.OutboxState;
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
        byTenant.forEach((tenant, pushes) -> decisions.addAll(QuarkusTransaction.requiringNew()
                .call(() -> dispatcher.decide(tenant, pushes, now))));
        Map<Long, SendResult> sent = dispatcher.send(decisions);
        record(decisions, sent);
        return claimed.size();
    }

    private void record(List<PushDispatcher.Decision> decisions, Map<Long, SendResult> sent) {
        Instant now = now();
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        List<OutboxStore.Result> results = new ArrayList<>();
        List<Long> goneDevices = new ArrayList<>();
        List<ClaimedPush> failedNotifications = new ArrayList<>();
        for (PushDispatcher.Decision decision : decisions) {
            ClaimedPush push = decision.push();
            if (decision.deferredUntil() != null) {
                results.add(new OutboxStore.Deferred(push.pk(), push.attempt(), decision.deferredUntil()));
                continue;
            }
            if (decision.skipped() != null) {
                results.add(new OutboxStore.Finished(push.pk(), push.attempt(), OutboxState.SKIPPED, decision.skipped(),
                        null));
                metrics.attempt(push.channel(), "skipped");
                continue;
            }
            SendResult result = decision.dead() != null ? SendResult.dead(decision.dead()) : sent.get(push.pk());
            switch (result.kind()) {
                case DELIVERED -> {
                    results.add(new OutboxStore.Finished(push.pk(), push.attempt(), OutboxState.SENT, "delivered",
                            null));
                    metrics.attempt(push.channel(), "sent");
                    metrics.delivered(push.channel(), Duration.between(push.createdAt(), now));
                }
                case RETRY -> {
                    if (push.attempt() >= config.maxAttempts()) {
                        results.add(new OutboxStore.Finished(push.pk(), push.attempt(), OutboxState.DEAD,
                                "attempts_exhausted", result.detail()));
                        metrics.attempt(push.channel(), "dead");
                        failedNotifications.add(push);
                    } else {
                        results.add(new OutboxStore.Rescheduled(push.pk(), push.attempt(),
                                now.plus(backoff.after(push.attempt(), ThreadLocalRandom.current()::nextDouble)),
                                result.detail()));
                        metrics.attempt(push.channel(), "retried");
                    }
                }
                case DEAD, GONE -> {
                    boolean gone = result.kind() == SendResult.Kind.GONE;
                    results.add(new OutboxStore.Finished(push.pk(), push.attempt(), OutboxState.DEAD,
                            gone ? "device_gone" : decision.dead() != null ? decision.dead() : "refused",
                            result.detail()));
                    metrics.attempt(push.channel(), "dead");
                    failedNotifications.add(push);
                    if (gone && push.device() != null) {
                        goneDevices.add(push.device().pk());
                    }
                }
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> recorded = outbox.record(results, now);
            if (!goneDevices.isEmpty()) {
                devices.deleteGone(goneDevices);
            }
            failedNotifications.stream()
                    .filter(push -> PushEnqueuer.NOTIFICATION.equals(push.cause()) && recorded.contains(push.pk()))
                    .filter(push -> outbox.allDead(push.tenant(), push.cause(), push.causeRef(), push.userId()))
                    .forEach(push -> inbox.failed(push.tenant(), push.causeRef(), push.userId(), now));
        });
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
