package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.event.MessageChanged;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageAuditEntry;
import io.careline.conversation.model.MessageChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Recalling a message: the sender within the recall window, admins and hospital systems at any time. The
 * message keeps its seq without its content, which goes to the audit trail; members' devices are told.
 */
@ApplicationScoped
public class MessageRecallService {
    @Inject
    SessionAccess access;

    @Inject
    MessageChangeRules rules;

    @Inject
    MessageChanges changes;

    @Inject
    Event<MessageChanged> events;

    /** The recalled message; recalling it again changes nothing and answers the same. */
    @Transactional
    public MessageView recall(Caller caller, String sessionId, long seq, String reason) {
        Access admitted = access.write(caller, sessionId);
        Message message = rules.visible(admitted, seq);
        if (message.type.author().isServer() || message.purged()) {
            throw new DomainException(ErrorCode.MESSAGE_NOT_CHANGEABLE,
                    "Messages Careline wrote, and purged ones, cannot be recalled.");
        }
        if (!caller.isManager()) {
            rules.requireSender(caller, message, "recall");
        }
        if (message.recalled()) {
            return MessageView.of(admitted.sessionId(), message);
        }
        Instant now = rules.now();
        if (!caller.isManager()) {
            rules.requireWithinWindow(message, now);
        }
        rules.audit(message, MessageAuditEntry.Action.RECALLED, message.revision, caller.userId(), null, reason, now);
        changes.recall(admitted.session(), message, caller.userId(), now);
        MessageView view = MessageView.of(admitted.sessionId(), message);
        events.fire(new MessageChanged(caller.tenant(), admitted.sessionPk(), MessageChanged.Change.RECALLED, view,
                caller.connectionId()));
        return view;
    }
}
