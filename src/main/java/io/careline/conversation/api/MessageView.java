package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.careline.conversation.model.Message;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored message as clients see it; content is written out as the JSON object it was stored as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record MessageView(String sessionId, long seq, String senderId, String type,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Content; its shape depends on the type")
        String content,
        String topicId, String clientMsgId, Instant createdAt) {

    public static MessageView of(String sessionId, Message message) {
        return new MessageView(sessionId, message.seq, message.senderId, message.type.wire(), message.content,
                message.topicId, message.clientMsgId, message.createdAt);
    }
}
