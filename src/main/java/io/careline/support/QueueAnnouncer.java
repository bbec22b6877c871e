package io.careline.support;

import io.careline.support.event.QueueChanged;
import io.careline.support.model.QueueSnapshots;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Tells a desk's agents of the changes to its queue once they have committed, off the request's thread: the
 * claim answers without waiting for it, and holds no database connection while another is taken. Per desk, the
 * changes waiting to be told are drained in order and share one count of the queue, read after all of them
 * committed, so {@code waiting} is how many rooms wait now, and a busy desk is counted once per drain, not once
 * per claim.
 */
@ApplicationScoped
class QueueAnnouncer {
    private static final Logger LOG = Logger.getLogger(QueueAnnouncer.class);

    @Inject
    QueueSnapshots snapshots;

    @Inject
    Event<QueueChanged> queueChanges;

    /**
     * Its own executor, which propagates no transaction: the drain is scheduled while the committed transaction
     * is still associated with the thread (AFTER_SUCCESS), and the injected executor carried it over, so the
     * drain's connection was enlisted in a finished transaction and went back to the pool broken, failing
     * whichever unrelated transaction took it next ("Enlisted connection used without active transaction").
     */
    private final ManagedExecutor executor = ManagedExecutor.builder().propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();

    /** Per desk: the committed changes not told yet, and whether a drain is scheduled. */
    private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final Queue<RoomMoved> moves = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }

    void onRoomMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomMoved moved) {
        Lane lane = lanes.computeIfAbsent(moved.deskPk(), pk -> new Lane());
        lane.moves.add(moved);
        if (lane.scheduled.compareAndSet(false, true)) {
            executor.execute(() -> drain(moved.deskPk(), lane));
        }
    }

    private void drain(long deskPk, Lane lane) {
        try {
            List<RoomMoved> batch = new ArrayList<>();
            for (RoomMoved next = lane.moves.poll(); next != null; next = lane.moves.poll()) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                announce(deskPk, batch);
            }
        } catch (RuntimeException failure) {
            // Agents miss these frames; the queue list (and the next change's frame) tells them the state.
            LOG.warnf(failure, "telling desk %d of its queue failed", deskPk);
        } finally {
            lane.scheduled.set(false);
            if (!lane.moves.isEmpty() && lane.scheduled.compareAndSet(false, true)) {
                executor.execute(() -> drain(deskPk, lane));
            }
        }
    }

    private void announce(long deskPk, List<RoomMoved> batch) {
        QueueSnapshots.Snapshot queue = snapshots.of(deskPk);
        for (RoomMoved moved : batch) {
            queueChanges.fire(new QueueChanged(moved.tenant(), moved.deskId(), moved.sessionId(), moved.event(),
                    queue.waiting(), queue.agents()));
        }
    }
}
