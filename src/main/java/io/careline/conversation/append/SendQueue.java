package io.careline.conversation.append;

import io.careline.common.Outcome;
import io.careline.common.commit.GroupCommit;
import io.careline.common.security.Caller;
import io.careline.conversation.MessagesConfig;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Group commit for sends: concurrent sends share one transaction ({@link GroupCommit}, {@link MessageGroupWriter}). */
@ApplicationScoped
public class SendQueue {
    /** Sends are bounded before they queue: a WebSocket frame waits for a worker at most a while (RealtimeConfig). */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    @Inject
    MessageGroupWriter writer;

    @Inject
    ConversationMetrics metrics;

    @Inject
    MessagesConfig config;

    private GroupCommit<PendingSend> groups;

    @PostConstruct
    void start() {
        groups = new GroupCommit<>(writer::write, (group, oldestQueued) -> metrics.groupWritten(group.size(),
                (int) group.stream().filter(PendingSend::stored).count()), config.groupWriters(),
                config.maxGroupSize(), UNBOUNDED);
    }

    /** Writes a validated send with whatever else is queued; returns once its group has committed. */
    public Outcome<MessageView> send(Caller caller, String sessionId, MessageType type, ValidContent content,
            String topicId, String clientMsgId) {
        PendingSend send = new PendingSend(caller, sessionId, type, content, topicId, clientMsgId);
        groups.submit(send);
        return send.outcome();
    }

    /** Writes the sends together, as one group when nothing else is being written. */
    void sendAll(List<PendingSend> sends) {
        groups.submitAll(sends);
    }
}
