package io.careline.conversation.append;

import io.careline.common.Outcome;
import io.careline.common.commit.PendingWrite;
import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;

/** A validated send waiting to be written with its group, and its outcome. */
final class PendingSend extends PendingWrite<Outcome<MessageView>> {
    final Caller caller;
    final String sessionId;
    final MessageType type;
    final ValidContent content;
    final String topicId;
    final String clientMsgId;

    PendingSend(Caller caller, String sessionId, MessageType type, ValidContent content, String topicId,
            String clientMsgId) {
        this.caller = caller;
        this.sessionId = sessionId;
        this.type = type;
        this.content = content;
        this.topicId = topicId;
        this.clientMsgId = clientMsgId;
    }

    /** Whether this send stored a new message (not a retry, not refused). */
    boolean stored() {
        return result() != null && result().created();
    }
}
