package io.careline.notification.send;

import io.careline.common.commit.GroupCommit;
import io.careline.common.commit.PendingWrite;
import io.careline.notification.NotificationMetrics;
import io.careline.notification.NotificationsConfig;
import io.careline.notification.OnlineUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Group commit for notification sends ({@link GroupCommit}, {@link NotificationGroupWriter}). A send to groups
 * (roles, a department, a session, a room: often thousands of users) starts counting its online recipients
 * when it is queued, so the count runs while it is written. For the others, once a group has committed, its
 * writer asks presence once per tenant for all their recipients: one round trip for the group, where a count
 * per one-to-one send costs more CPU than it saves time (measured in docs/benchmarks.md).
 */
@ApplicationScoped
public class NotificationQueue {
    @Inject
    NotificationGroupWriter writer;

    @Inject
    NotificationMetrics metrics;

    @Inject
    NotificationsConfig config;

    @Inject
    OnlineUsers online;

    private GroupCommit<PendingNotification> groups;

    @PostConstruct
    void start() {
        groups = new GroupCommit<>(writer::write, this::written, config.groupWriters(), config.maxGroupSize(),
                config.maxQueued());
        metrics.queue(groups::queued);
    }

    /** Writes the checked send with whatever else is queued; returns once its group has committed. */
    public void send(PendingNotification send) {
        countGroupsEarly(List.of(send));
        groups.submit(send);
    }

    /** Writes the checked sends with whatever else is queued, in order; returns once all are answered. */
    public void sendAll(List<PendingNotification> sends) {
        countGroupsEarly(sends);
        groups.submitAll(sends);
    }

    private void countGroupsEarly(List<PendingNotification> sends) {
        sends.stream().filter(send -> !send.groupMembers.isEmpty())
                .forEach(send -> send.startCountingOnline(online));
    }

    /**
     * Writes the checked sends in one transaction of their own, all or none: when one is refused, none is stored.
     * Returns whether they were stored.
     */
    public boolean sendAtomically(List<PendingNotification> sends) {
        countGroupsEarly(sends);
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
        Map<String, List<PendingNotification>> uncounted = countStored(group).stream()
                .filter(send -> !send.countingOnline())
                .collect(Collectors.groupingBy(send -> send.caller.tenant()));
        uncounted.forEach(this::countOnline);
    }

    /** One presence read for the recipients of all the tenant's sends, then each send's own count from it. */
    private void countOnline(String tenant, List<PendingNotification> sends) {
        Set<String> recipients = new LinkedHashSet<>();
        sends.forEach(send -> recipients.addAll(send.result().recipients()));
        online.online(tenant, recipients).ifPresent(onlineUsers -> sends.forEach(send -> send.reached(
                (int) send.result().recipients().stream().filter(onlineUsers::contains).count())));
    }

    private List<PendingNotification> countStored(List<PendingNotification> sends) {
        List<PendingNotification> created = sends.stream()
                .filter(send -> send.result() != null && send.result().created()).toList();
        created.forEach(send -> metrics.sent(send.result().notification().recipientCount));
        return created;
    }
}
