package io.careline.conversation;

import io.careline.common.Outcome;
import io.careline.common.paging.KeysetPage;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.security.Caller;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.api.ChangePage;
import io.careline.conversation.api.MessagePage;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.SendMessageRequest;
import io.careline.conversation.append.SendQueue;
import io.careline.conversation.model.Authors;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.ChangedMessage;
import io.careline.conversation.model.MessageChanges;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.SessionRepository;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sending messages (idempotent by client message id) and reading them back by seq. */
@ApplicationScoped
public class MessageService {
    @Inject
    SessionAccess access;

    @Inject
    MessageRepository messages;

    @Inject
    SendQueue queue;

    @Inject
    MessageContentValidator contents;

    @Inject
    SessionRepository sessions;

    @Inject
    ForwardSources forwards;

    @Inject
    ReadCounts readCounts;

    @Inject
    MessageChanges changes;

    /**
     * Validates a send and writes it with the group of sends under way (see {@link SendQueue}); returns once
     * it is committed. Not called inside a transaction: the group has its own.
     */
    public Outcome<MessageView> send(Caller caller, String sessionId, SendMessageRequest request) {
        MessageType type = sendableType(caller, request.type());
        ValidContent content = type.forwards() ? forwards.resolve(caller, type, request.content())
                : contents.validate(type, request.content());
        return queue.send(caller, sessionId, type, content, request.topicId(), request.clientMsgId());
    }

    /**
     * A page of messages in seq order: after {@code afterSeq} (oldest first), or the latest ones before
     * {@code beforeSeq} (or before the end), never past what the caller may see.
     */
    @Transactional
    public MessagePage list(Caller caller, String sessionId, Long afterSeq, Long beforeSeq, String topicId,
            int limit) {
        return page(access.read(caller, sessionId), afterSeq, beforeSeq, topicId, limit);
    }

    /** Like {@link #list}, for people reading history: in group sessions each message says how many read it. */
    @Transactional
    public MessagePage history(Caller caller, String sessionId, Long afterSeq, Long beforeSeq, String topicId,
            int limit) {
        Access admitted = access.read(caller, sessionId);
        MessagePage page = page(admitted, afterSeq, beforeSeq, topicId, limit);
        return new MessagePage(readCounts.of(admitted.sessionPk(), page.items()), page.hasMore());
    }

    private MessagePage page(Access admitted, Long afterSeq, Long beforeSeq, String topicId, int limit) {
        long upper = admitted.visibleUpTo();
        if (beforeSeq != null) {
            upper = Math.min(upper, beforeSeq - 1);
        }
        long sessionPk = admitted.sessionPk();
        List<Message> rows = afterSeq != null ? messages.range(sessionPk, afterSeq, upper, topicId, true, limit + 1)
                : messages.range(sessionPk, 0, upper, topicId, false, limit + 1);
        KeysetPage<Message> page = KeysetPage.of(rows, limit);
        String publicId = admitted.sessionId();
        List<MessageView> items = new ArrayList<>(page.map(m -> MessageView.of(publicId, m)));
        if (afterSeq == null) {
            Collections.reverse(items);
        }
        return new MessagePage(items, page.hasMore());
    }

    @Transactional
    public MessageView get(Caller caller, String sessionId, long seq) {
        Access admitted = access.read(caller, sessionId);
        MessageView view = MessageView.of(admitted.sessionId(), admitted.visibleMessage(messages, seq));
        return readCounts.of(admitted.sessionPk(), List.of(view)).get(0);
    }

    /**
     * The caller's messages up to {@code upToSeq} changed (recalled, edited) after change number
     * {@code afterChange}, at most {@code limit} of them, in the order they changed.
     */
    @Transactional
    public ChangePage changes(Caller caller, String sessionId, long upToSeq, long afterChange, int limit) {
        Access admitted = access.read(caller, sessionId);
        long upToChange = admitted.session().lastChangeSeq;
        if (upToChange <= afterChange) {
            // Most sessions never change a message: the session row says so, without the changes query.
            return new ChangePage(List.of(), upToChange, false);
        }
        List<ChangedMessage> rows = changes.after(admitted.sessionPk(), Math.min(upToSeq,
                admitted.visibleUpTo()), afterChange, upToChange, limit + 1);
        boolean more = rows.size() > limit;
        List<ChangedMessage> page = more ? rows.subList(0, limit) : rows;
        long last = !more ? upToChange : page.isEmpty() ? afterChange : page.get(page.size() - 1).changeSeq();
        return new ChangePage(page.stream().map(c -> MessageView.of(admitted.sessionId(), c.message())).toList(),
                last, more);
    }

    /**
     * Where to resume each session that has messages after the caller's read position (sessionId → seq). One
     * read outside a transaction: every reconnecting device asks it.
     */
    public Map<String, Long> unreadPositions(Caller caller) {
        Map<String, Long> positions = new LinkedHashMap<>();
        sessions.behindReadPosition(caller.tenant(), caller.userId())
                .forEach(row -> positions.put(row.sessionId(), row.lastReadSeq()));
        return positions;
    }

    private static MessageType sendableType(Caller caller, String name) {
        MessageType type = WireEnum.parse(MessageType.class, name).orElseThrow(() -> new DomainException(
                ErrorCode.UNKNOWN_MESSAGE_TYPE, "Unknown message type; see docs/message-types.md.",
                List.of(new Problem.FieldError("type", "is not a known message type"))));
        if (type.authors() == Authors.SERVER) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "This message type is written by the server only.",
                    List.of(new Problem.FieldError("type", "is written by the server only")));
        }
        if (!type.authors().admit(caller.roles())) {
            throw new DomainException(ErrorCode.MESSAGE_TYPE_FORBIDDEN,
                    "Your role may not author a '" + type.wire() + "' message; see docs/message-types.md.");
        }
        return type;
    }

}
