package io.careline.conversation;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageAuditEntry;
import io.careline.conversation.model.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** What recalls and revisions share: finding the message, the sender's rules, and the audit trail's rows. */
@ApplicationScoped
class MessageChangeRules {
    @Inject
    MessageRepository messages;

    @Inject
    MessagesConfig config;

    @Inject
    Clock clock;

    /** The message at seq, if the admitted caller may read it. */
    Message visible(Access admitted, long seq) {
        return admitted.visibleMessage(messages, seq);
    }

    Instant now() {
        return Times.now(clock);
    }

    void requireSender(Caller caller, Message message, String verb) {
        if (!message.senderId.equals(caller.userId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the sender may " + verb + " this message.");
        }
    }

    void requireWithinWindow(Message message, Instant now) {
        if (message.createdAt.plus(config.recallWindow()).isBefore(now)) {
            throw new DomainException(ErrorCode.RECALL_WINDOW_CLOSED,
                    "Messages may be recalled or edited within " + config.recallWindow() + " of sending.");
        }
    }

    /**
     * Adds a row to the message's audit trail; before its first change, the message as sent goes in first,
     * so the trail holds every version.
     */
    void audit(Message message, MessageAuditEntry.Action action, int revision, String actorId, String content,
            String reason, Instant at) {
        if (message.changeSeq == null) {
            entry(message, MessageAuditEntry.Action.SENT, 0, message.senderId, message.content, null,
                    message.createdAt).persist();
        }
        entry(message, action, revision, actorId, content, reason, at).persist();
    }

    private static MessageAuditEntry entry(Message message, MessageAuditEntry.Action action, int revision,
            String actorId, String content, String reason, Instant at) {
        MessageAuditEntry entry = new MessageAuditEntry();
        entry.sessionPk = message.sessionPk;
        entry.seq = message.seq;
        entry.action = action;
        entry.revision = revision;
        entry.actorId = actorId;
        entry.type = message.type;
        entry.content = content;
        entry.reason = reason;
        entry.at = at;
        return entry;
    }
}
