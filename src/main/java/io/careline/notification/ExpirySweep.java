package io.careline.notification;

import io.careline.notification.model.RecipientStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Marks unread copies of notifications whose {@code expiresAt} has passed {@code expired}, with a log line
 * each. Every node sweeps; rows another node is sweeping are skipped (SKIP LOCKED), so none is logged twice.
 * Until the sweep comes, an expired notification is already neither delivered nor synced.
 */
@ApplicationScoped
public class ExpirySweep {
    private static final int BATCH = 500;

    @Inject
    RecipientStore recipients;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.notifications.expiry-sweep}",
            delayed = "${careline.notifications.expiry-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Sweeps every expired copy, a batch per transaction; returns how many it marked. */
    public int sweep() {
        int total = 0;
        int marked;
        do {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            marked = QuarkusTransaction.requiringNew().call(() -> sweepBatch(now));
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    /** Across tenants: the sweep serves every tenant, and each row carries its own tenant id. */
    private int sweepBatch(Instant now) {
        List<Long> expired = recipients.lockExpired(now, BATCH);
        if (!expired.isEmpty()) {
            recipients.markExpired(expired, now);
        }
        return expired.size();
    }
}
