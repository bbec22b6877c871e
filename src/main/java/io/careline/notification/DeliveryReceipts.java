package io.careline.notification;

import io.careline.notification.model.InboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Records that a notification's frame was written to one of a recipient's devices: its {@code deliveredAt}
 * and the {@code delivered} log line. Writes complete on the event loop, which must not wait for the
 * database, so receipts queue here and are written in batches of one transaction on a worker thread.
 */
@ApplicationScoped
public class DeliveryReceipts {
    private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class);

    @Inject
    InboxStore inbox;

    @Inject
    NotificationsConfig config;

    @Inject
    Vertx vertx;

    @Inject
    NotificationMetrics metrics;

    private final Queue<InboxStore.Receipt> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    /** Never blocks: safe to call where a write completed. */
    public void written(String tenant, long notificationPk, String userId) {
        queued.add(new InboxStore.Receipt(tenant, notificationPk, userId));
        if (flushScheduled.compareAndSet(false, true)) {
            vertx.setTimer(config.receiptDelay().toMillis(),
                    timer -> Infrastructure.getDefaultWorkerPool().execute(this::flush));
        }
    }

    /** Writes what is queued, a batch per transaction; a failed batch is logged, not retried (see docs). */
    void flush() {
        flushScheduled.set(false);
        List<InboxStore.Receipt> batch;
        while (!(batch = take()).isEmpty()) {
            List<InboxStore.Receipt> receipts = batch;
            try {
                metrics.delivered(QuarkusTransaction.requiringNew().call(() -> inbox.markDelivered(receipts,
                        Instant.now().truncatedTo(ChronoUnit.MICROS))));
            } catch (RuntimeException failure) {
                metrics.receiptsFailed(receipts.size());
                LOG.warnf("%d delivery receipts not recorded: %s", receipts.size(), failure.getMessage());
            }
        }
    }

    /** Up to a batch of distinct receipts: a user's several devices give one receipt, not several. */
    private List<InboxStore.Receipt> take() {
        Set<InboxStore.Receipt> batch = new LinkedHashSet<>();
        InboxStore.Receipt next;
        while (batch.size() < config.receiptBatch() && (next = queued.poll()) != null) {
            batch.add(next);
        }
        return new ArrayList<>(batch);
    }
}
