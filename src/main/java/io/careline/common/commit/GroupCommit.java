package io.careline.common.commit;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Group commit. Callers queue their items; a caller that finds a writer's place free takes what is queued and
 * writes it as one group, in one transaction, while the others wait for their answer. Alone, an item is
 * written at once; under load the groups grow by themselves, and the locks, round trips and commit of a
 * transaction are paid once per group instead of once per item.
 *
 * @param <P> the queued item, which carries its own result
 */
public final class GroupCommit<P extends PendingWrite<?>> {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Writes a group in one transaction and sets each item's result; throws, storing nothing, if the group failed. */
    @FunctionalInterface
    public interface Writer<P> {
        void write(List<P> group);
    }

    /** What a group-writing thread does once a group has committed, before its callers are answered. */
    @FunctionalInterface
    public interface AfterCommit<P> {
        void written(List<P> group, long oldestQueuedNanos);
    }

    private final Writer<P> writer;
    private final AfterCommit<P> afterCommit;
    private final int writers;
    private final int maxGroupSize;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupDone = lock.newCondition();
    private final ArrayDeque<P> queued = new ArrayDeque<>();
    private int writing;

    /**
     * @param writers groups written at once
     * @param maxGroupSize most items in one group: bounds its statements and the first caller's wait
     * @param maxQueued most items waiting; more are refused {@code OVERLOADED} at once, so that an overloaded
     *     node sheds work instead of answering ever later
     */
    public GroupCommit(Writer<P> writer, AfterCommit<P> afterCommit, int writers, int maxGroupSize, int maxQueued) {
        this.writer = writer;
        this.afterCommit = afterCommit;
        this.writers = writers;
        this.maxGroupSize = maxGroupSize;
        this.maxQueued = maxQueued;
    }

    /** Writes the item with whatever else is queued; returns once its group has committed or failed. */
    public void submit(P item) {
        submitAll(List.of(item));
    }

    /**
     * Queues the items together (they share groups, in order) and returns once every one is answered. Throws
     * {@code OVERLOADED}, queuing none, when they would make the queue longer than its bound.
     */
    public void submitAll(List<P> items) {
        lock.lock();
        try {
            if (!queued.isEmpty() && queued.size() + items.size() > maxQueued) {
                throw new DomainException(ErrorCode.OVERLOADED, "The server is overloaded; nothing was stored. "
                        + "Retry later.");
            }
            queued.addAll(items);
            while (!items.stream().allMatch(PendingWrite::answered)) {
                if (writing < writers && !queued.isEmpty()) {
                    List<P> group = takeGroup();
                    writing++;
                    lock.unlock();
                    try {
                        writeAndAnswer(group);
                    } finally {
                        lock.lock();
                        writing--;
                        groupDone.signalAll();
                    }
                } else {
                    groupDone.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Items waiting for a writer now. */
    public int queued() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    private List<P> takeGroup() {
        List<P> group = new ArrayList<>(Math.min(queued.size(), maxGroupSize));
        while (!queued.isEmpty() && group.size() < maxGroupSize) {
            group.add(queued.poll());
        }
        return group;
    }

    /**
     * Writes a group and answers its items. When the group's transaction fails (a lost connection, a deadlock,
     * a unique key another node took first) nothing of it is stored, and its items are written again one by
     * one, so that one item that cannot be stored does not fail the others. An item refused on its own merits
     * keeps that refusal.
     */
    void writeAndAnswer(List<P> group) {
        try {
            writer.write(group);
        } catch (RuntimeException failed) {
            if (group.size() > 1) {
                LOG.debugf(failed, "a group of %d failed; writing its items one by one", group.size());
                group.forEach(item -> writeAndAnswer(List.of(item)));
                return;
            }
            P only = group.get(0);
            if (!only.refused()) {
                only.refuse(failed);
            }
            only.answer();
            return;
        }
        try {
            afterCommit.written(group, group.get(0).queuedAtNanos());
        } catch (RuntimeException failed) {
            // The group is stored: what follows its commit must not write it again.
            LOG.warnf(failed, "after a group of %d was committed", group.size());
        }
        group.forEach(PendingWrite::answer);
    }
}
