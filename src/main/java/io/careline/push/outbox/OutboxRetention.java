package io.careline.push.outbox;

import io.careline.push.PushConfig;
import io.careline.push.model.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Deletes finished pushes older than {@code careline.push.retention}: the push log keeps a week, not forever. */
@ApplicationScoped
public class OutboxRetention {
    private static final int BATCH = 5000;

    @Inject
    OutboxStore outbox;

    @Inject
    PushConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Deletes in batches (short transactions, no long lock on the outbox); returns how many rows went. */
    public int sweep() {
        Instant before = Instant.now(clock).minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> outbox.deleteFinishedBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
