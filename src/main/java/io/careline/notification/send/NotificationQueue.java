package io.careline.notification.send;

import io.careline.common.commit.GroupCommit;
import io.careline.common.commit.PendingWrite;
import io.careline.notification.NotificationMetrics;
import io.careline.notification.NotificationsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Group commit for notification sends ({@link GroupCommit}, {@link NotificationGroupWriter}). */
@ApplicationScoped
public class NotificationQueue {
    @Inject
    NotificationGroupWriter writer;

    @Inject
    NotificationMetrics metrics;

    @Inject
    NotificationsConfig config;

    private GroupCommit<PendingNotification> groups;

    @PostConstruct
    void start() {
        groups = new GroupCommit<>(writer::write, this::written, config.groupWriters(), config.maxGroupSize(),
                config.maxQueued());
        metrics.queue(groups::queued);
    }

    /** Writes the checked send with whatever else is queued; returns once its group has committed. */
    public void send(PendingNotification send) {
        groups.submit(send);
    }

    /** Writes the checked sends with whatever else is queued, in order; returns once all are answered. */
    public void sendAll(List<PendingNotification> sends) {
        groups.submitAll(sends);
    }

    /**
     * Writes the checked sends in one transaction of their own, all or none: when one is refused, none is stored.
     * Returns whether they were stored.
     */
    public boolean sendAtomically(List<PendingNotification> sends) {
        long startedNanos = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                writer.write(sends);
                if (sends.stream().anyMatch(PendingWrite::refused)) {
                    throw new Aborted();
                }
            });
        } catch (Aborted rolledBack) {
            return false;
        }
        written(sends, startedNanos);
        return true;
    }

    /** Rolls back an atomic batch of which a send was refused. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("a send of the atomic batch was refused", null, false, false);
        }
    }

    /** Writes one checked send in the caller's transaction (rules firing for an event), without presence. */
    public void store(PendingNotification send) {
        writer.write(List.of(send));
        countStored(List.of(send));
    }

    private void written(List<PendingNotification> group, long oldestQueuedNanos) {
        metrics.groupWritten(group.size(), System.nanoTime() - oldestQueuedNanos);
        countStored(group);
    }

    private void countStored(List<PendingNotification> sends) {
        sends.stream().filter(send -> send.result() != null && send.result().created())
                .forEach(send -> metrics.sent(send.result().notification().recipientCount));
    }
}
