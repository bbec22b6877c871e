package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.careline.conversation.model.Message;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored message as clients see it; content is written out as the JSON object it was stored as, in its
 * latest revision. A recalled or purged message keeps its seq and type but has no content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record MessageView(String sessionId, long seq, String senderId, String type,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Content; its shape depends on the type. "
                + "Absent when recalled") String content,
        String topicId, String clientMsgId, Instant createdAt,
        @Schema(description = "Present from the first revision on: 1, 2, 3…") Integer revision,
        @Schema(description = "When the latest revision was made") Instant editedAt,
        @Schema(description = "True when the message was recalled") Boolean recalled,
        Instant recalledAt, String recalledBy,
        @Schema(description = "True when retention purged the content (the message keeps its seq)") Boolean purged,
        @Schema(description = "In sessions of more than two members: how many members other than the sender have "
                + "read it") Integer readCount) {

    public static MessageView of(String sessionId, Message message) {
        if (message.recalled() || message.purged()) {
            return new MessageView(sessionId, message.seq, message.senderId, message.type.wire(), null,
                    message.topicId, message.clientMsgId, message.createdAt, null, null,
                    message.recalled() ? Boolean.TRUE : null, message.recalledAt, message.recalledBy,
                    message.purged() ? Boolean.TRUE : null, null);
        }
        return new MessageView(sessionId, message.seq, message.senderId, message.type.wire(), message.content,
                message.topicId, message.clientMsgId, message.createdAt,
                message.revision == 0 ? null : message.revision, message.editedAt, null, null, null, null, null);
    }

    /** The same message, with how many members have read it. */
    public MessageView withReadCount(int count) {
        return new MessageView(sessionId, seq, senderId, type, content, topicId, clientMsgId, createdAt, revision,
                editedAt, recalled, recalledAt, recalledBy, purged, count);
    }
}
