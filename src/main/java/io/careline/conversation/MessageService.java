package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.security.Caller;
import io.careline.common.wire.WireEnum;
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

    /** The outcome of a send: the stored message and whether this call stored it (false for a retry). */
    public record Sent(MessageView message, boolean created) {
    }

    /**
     * Validates a send and writes it with the group of sends under way (see {@link SendQueue}); returns once
     * it is committed. Not called inside a transaction: the group has its own.
     */
    public Sent send(Caller caller, String sessionId, SendMessageRequest request) {
        MessageType type = sendableType(caller, request.type());
        ValidContent content = contents.validate(type, request.content());
        return queue.send(new PendingSend(caller, sessionId, type, content, request.topicId(), request.clientMsgId()));
    }

    /**
     * A page of messages in seq order: after {@code afterSeq} (oldest first), or the latest ones before
     * {@code beforeSeq} (or before the end), never past what the caller may see.
     */
    @Transactional
    public MessagePage list(Caller caller, String sessionId, Long afterSeq, Long beforeSeq, String topicId,
            int limit) {
        Access admitted = access.read(caller, sessionId);
        long upper = admitted.visibleUpTo();
        if (beforeSeq != null) {
            upper = Math.min(upper, beforeSeq - 1);
        }
        long sessionPk = admitted.session().pk;
        List<Message> rows;
        if (afterSeq != null) {
            rows = messages.range(sessionPk, afterSeq, upper, topicId, true, limit + 1);
        } else {
            rows = new ArrayList<>(messages.range(sessionPk, 0, upper, topicId, false, limit + 1));
        }
        boolean hasMore = rows.size() > limit;
        List<Message> page = new ArrayList<>(hasMore ? rows.subList(0, limit) : rows);
        if (afterSeq == null) {
            Collections.reverse(page);
        }
        String publicId = admitted.session().publicId;
        return new MessagePage(page.stream().map(m -> MessageView.of(publicId, m)).toList(), hasMore);
    }

    @Transactional
    public MessageView get(Caller caller, String sessionId, long seq) {
        Access admitted = access.read(caller, sessionId);
        if (seq > admitted.visibleUpTo()) {
            throw notFound();
        }
        return messages.findBySeq(admitted.session().pk, seq)
                .map(m -> MessageView.of(admitted.session().publicId, m))
                .orElseThrow(MessageService::notFound);
    }

    /** Where to resume each session that has messages after the caller's read position (sessionId → seq). */
    @Transactional
    public Map<String, Long> unreadPositions(Caller caller) {
        Map<String, Long> positions = new LinkedHashMap<>();
        sessions.behindReadPosition(caller.userId()).forEach(row -> positions.put((String) row[0], (Long) row[1]));
        return positions;
    }

    private static MessageType sendableType(Caller caller, String name) {
        MessageType type = WireEnum.parse(MessageType.class, name).orElseThrow(() -> new DomainException(
                ErrorCode.UNKNOWN_MESSAGE_TYPE, "Unknown message type; see docs/message-types.md.",
                List.of(new Problem.FieldError("type", "is not a known message type"))));
        if (type.sender() == MessageType.Sender.SERVER) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "This message type is written by the server only.",
                    List.of(new Problem.FieldError("type", "is written by the server only")));
        }
        if (type.sender() == MessageType.Sender.MANAGERS && !caller.isManager()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only hospital systems and admins send this message type.");
        }
        return type;
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.MESSAGE_NOT_FOUND, "No such message.");
    }
}
