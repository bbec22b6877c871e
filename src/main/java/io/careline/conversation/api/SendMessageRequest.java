package io.careline.conversation.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.conversation.model.Ids;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message to send: its type name, content of that type's shape, and an optional retry key. */
@RegisterForReflection
public record SendMessageRequest(
        @NotBlank @Schema(description = "Message type name, e.g. text, image, prescription (docs/message-types.md)")
        String type,
        @NotNull @Schema(type = SchemaType.OBJECT, description = "Content of the type's shape") JsonNode content,
        @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = "must be letters, digits or _.:@-")
        @Schema(description = "Client-chosen id; a retry with the same id returns the stored message")
        String clientMsgId,
        @Size(max = 128) @Schema(description = "Topic to attach to; defaults to the session's open topic")
        String topicId) {
}
