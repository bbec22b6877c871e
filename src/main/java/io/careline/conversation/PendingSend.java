package io.careline.conversation;

import io.careline.common.security.Caller;

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
    private MessageService.Sent sent;
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

    void accept(MessageService.Sent outcome) {
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
    MessageService.Sent outcome() {
        if (refusal != null) {
            throw refusal;
        }
        return sent;
    }
}
