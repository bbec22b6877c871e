package io.careline.conversation;

import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageAuditEntryView;
import io.careline.conversation.api.MessageAuditView;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageAuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** A message's audit trail: what it said in each revision and who recalled it, for the tenant's admins. */
@ApplicationScoped
public class MessageAuditService {
    @Inject
    SessionAccess access;

    @Inject
    MessageChangeRules rules;

    @Transactional
    public MessageAuditView trail(Caller admin, String sessionId, long seq) {
        Access admitted = access.read(admin, sessionId);
        Message message = rules.visible(admitted, seq);
        List<MessageAuditEntryView> entries = message.changeSeq == null
                ? List.of(new MessageAuditEntryView("sent", 0, message.senderId, message.content, null,
                        message.createdAt))
                : MessageAuditEntry.<MessageAuditEntry>list("sessionPk = ?1 and seq = ?2 order by pk",
                        message.sessionPk, message.seq).stream().map(MessageAuditEntryView::of).toList();
        return new MessageAuditView(admitted.sessionId(), seq, message.type.wire(), message.senderId,
                message.createdAt, entries);
    }
}
