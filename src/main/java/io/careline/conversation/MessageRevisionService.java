package io.careline.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.event.MessageChanged;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageAuditEntry;
import io.careline.conversation.model.MessageChanges;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Editing a message: its sender replaces the content of a card with a state (a video request answered, an
 * order updated) at any time, and of a text within the recall window. Every revision is kept in the audit
 * trail, and members' devices get the new content.
 */
@ApplicationScoped
public class MessageRevisionService {
    @Inject
    SessionAccess access;

    @Inject
    MessageChangeRules rules;

    @Inject
    MessageContentValidator contents;

    @Inject
    MessageChanges changes;

    @Inject
    Event<MessageChanged> events;

    @Transactional
    public MessageView revise(Caller caller, String sessionId, long seq, JsonNode content) {
        Access admitted = access.write(caller, sessionId);
        Message message = rules.visible(admitted, seq);
        rules.requireSender(caller, message, "edit");
        if (message.recalled()) {
            throw new DomainException(ErrorCode.MESSAGE_RECALLED, "A recalled message cannot be edited.");
        }
        Instant now = rules.now();
        if (message.type.editing() == MessageType.Editing.NEVER || message.purged()) {
            throw new DomainException(ErrorCode.MESSAGE_NOT_CHANGEABLE,
                    "A '" + message.type.wire() + "' message cannot be edited; see docs/message-types.md.");
        }
        if (message.type.editing() == MessageType.Editing.WITHIN_RECALL_WINDOW) {
            rules.requireWithinWindow(message, now);
        }
        ValidContent valid = contents.validate(message.type, content);
        rules.audit(message, MessageAuditEntry.Action.REVISED, message.revision + 1, caller.userId(), valid.json(),
                null, now);
        changes.revise(admitted.session(), message, valid, now);
        MessageView view = MessageView.of(admitted.sessionId(), message);
        events.fire(new MessageChanged(caller.tenant(), admitted.sessionPk(), MessageChanged.Change.REVISED, view,
                caller.connectionId()));
        return view;
    }
}
