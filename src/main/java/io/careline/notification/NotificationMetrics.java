package io.careline.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Business metrics of notifications, exported on the management port at /q/metrics. */
@ApplicationScoped
@Startup // registered at start, so the series exist (at 0) before the first notification
public class NotificationMetrics {
    private final Counter sent;
    private final Counter recipients;
    private final Counter delivered;
    private final Counter receiptFailures;
    private final DistributionSummary groupSize;
    private final Timer groupWait;

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        sent = Counter.builder("careline.notifications.sent")
                .description("Notifications stored (idempotent retries not counted)").register(registry);
        recipients = Counter.builder("careline.notifications.recipients")
                .description("Recipient rows stored, one per recipient of each notification").register(registry);
        delivered = Counter.builder("careline.notifications.delivered")
                .description("Recipient rows that became delivered: first written to one of their devices")
                .register(registry);
        receiptFailures = Counter.builder("careline.notifications.receipt.failures")
                .description("Delivery receipts the database refused; their rows stay pending").register(registry);
        groupSize = DistributionSummary.builder("careline.notifications.group.size")
                .description("Sends written together in one transaction (group commit)").publishPercentileHistogram()
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100).register(registry);
        groupWait = Timer.builder("careline.notifications.group.wait")
                .description("How long a group's first send waited in the queue before the group was written, "
                        + "plus the group's write").publishPercentileHistogram().register(registry);
    }

    /** Registers the gauge of sends waiting to be written. */
    public void queue(IntSupplier waiting) {
        Gauge.builder("careline.notifications.queued", waiting::getAsInt)
                .description("Sends waiting to be written (group commit); beyond max-queued, refused OVERLOADED")
                .register(registry);
    }

    public void groupWritten(int sends, long sinceFirstQueuedNanos) {
        groupSize.record(sends);
        groupWait.record(sinceFirstQueuedNanos, TimeUnit.NANOSECONDS);
    }

    public void sent(int recipientCount) {
        sent.increment();
        recipients.increment(recipientCount);
    }

    void delivered(int count) {
        delivered.increment(count);
    }

    void receiptsFailed(int count) {
        receiptFailures.increment(count);
    }
}
