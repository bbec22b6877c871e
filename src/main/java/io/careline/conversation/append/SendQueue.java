package io.careline.conversation.append;

import io.careline.common.Outcome;
import io.careline.common.security.Caller;
import io.careline.conversation.MessagesConfig;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Group commit for sends. A send joins a queue; a sending thread that finds the writer's place free takes
 * what is queued and writes it as one group, in one transaction, while the others wait for their answer.
 * Alone, a send is written at once; under load the groups grow by themselves, and the locks, round trips
 * and commit of a transaction are paid once per group instead of once per message.
 */
@ApplicationScoped
public class SendQueue {
    private static final Logger LOG = Logger.getLogger(SendQueue.class);

    @Inject
    MessageGroupWriter writer;

    @Inject
    ConversationMetrics metrics;

    @Inject
    MessagesConfig config;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupDone = lock.newCondition();
    private final ArrayDeque<PendingSend> queued = new ArrayDeque<>();
    private int writing;

    /** Writes a validated send with whatever else is queued; returns once its group has committed. */
    public Outcome<MessageView> send(Caller caller, String sessionId, MessageType type, ValidContent content,
            String topicId, String clientMsgId) {
        return send(new PendingSend(caller, sessionId, type, content, topicId, clientMsgId));
    }

    Outcome<MessageView> send(PendingSend send) {
        lock.lock();
        try {
            queued.add(send);
            while (!send.answered()) {
                if (writing < config.groupWriters() && !queued.isEmpty()) {
                    List<PendingSend> group = takeGroup();
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
        return send.outcome();
    }

    private List<PendingSend> takeGroup() {
        List<PendingSend> group = new ArrayList<>(Math.min(queued.size(), config.maxGroupSize()));
        while (!queued.isEmpty() && group.size() < config.maxGroupSize()) {
            group.add(queued.poll());
        }
        return group;
    }

    /**
     * Writes a group and answers its sends. When the group's transaction fails (a lost connection, a
     * deadlock) nothing of it is stored, and its sends are written again one by one, so that one send
     * that cannot be stored does not fail the others.
     */
    void writeAndAnswer(List<PendingSend> group) {
        try {
            writer.write(group);
            metrics.groupWritten(group.size(), (int) group.stream().filter(PendingSend::stored).count());
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).refuse(failed);
            } else {
                LOG.debugf(failed, "a group of %d sends failed; writing them one by one", group.size());
                group.forEach(send -> writeAndAnswer(List.of(send)));
                return;
            }
        }
        group.forEach(PendingSend::answer);
    }
}
