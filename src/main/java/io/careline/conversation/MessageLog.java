package io.careline.conversation;

import io.careline.common.Times;
import io.careline.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Appends messages to a session whose row the current transaction has locked: the next seq, the stored
 * row, the session's summary and the topic's replied flag change together or not at all.
 */
@ApplicationScoped
public class MessageLog {
    @Inject
    MessageRepository messages;

    @Inject
    TopicRepository topics;

    public Message append(Session lockedSession, String senderId, Role senderRole, MessageType type,
            ValidContent content, String topicId, String clientMsgId) {
        Instant now = Times.now();
        Message message = new Message();
        message.sessionPk = lockedSession.pk;
        message.seq = ++lockedSession.lastSeq;
        message.senderId = senderId;
        message.type = type;
        message.content = content.json();
        message.topicId = topicId;
        message.clientMsgId = clientMsgId;
        message.createdAt = now;
        messages.persist(message);

        lockedSession.lastMessageAt = now;
        lockedSession.lastMessagePreview = content.preview();
        lockedSession.activityAt = now;
        lockedSession.updatedAt = now;
        if (topicId != null && senderRole != null && senderRole.isClinician() && type != MessageType.TOPIC_BEGIN
                && type != MessageType.TOPIC_END) {
            topics.markReplied(lockedSession.pk, topicId, now);
        }
        return message;
    }
}
