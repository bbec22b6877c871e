package io.careline.conversation.append;

import io.careline.common.Outcome;
import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;

/**
 * A validated send waiting to be written with its group, and its outcome: set while the group is written,
 * final only once the group's transaction has committed ({@link #answer}).
 */
final class PendingSend {
    final Caller caller;
    final String sessionId;
    final MessageType type;
    final ValidContent content;
    final String topicId;
    final String clientMsgId;
    private Outcome<MessageView> sent;
    private RuntimeException refusal;
    /** Read by the waiting sender, written by the thread that wrote the group; volatile publishes the outcome. */
    private volatile boolean answered;

    PendingSend(Caller caller, String sessionId, MessageType type, ValidContent content, String topicId,
            String clientMsgId) {
        this.caller = caller;
        this.sessionId = sessionId;
        this.type = type;
        this.content = content;
        this.topicId = topicId;
        this.clientMsgId = clientMsgId;
    }

    void accept(Outcome<MessageView> outcome) {
        sent = outcome;
        refusal = null;
    }

    void refuse(RuntimeException reason) {
        sent = null;
        refusal = reason;
    }

    /** The outcome stands: its group committed, or it failed for good. */
    void answer() {
        answered = true;
    }

    boolean answered() {
        return answered;
    }

    /** Whether this send stored a new message (not a retry, not refused). */
    boolean stored() {
        return sent != null && sent.created();
    }

    /** The stored message, or the refusal thrown. */
    Outcome<MessageView> outcome() {
        if (refusal != null) {
            throw refusal;
        }
        return sent;
    }
}
