package io.careline.conversation.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new content of an edited message, of its type's shape. */
@RegisterForReflection
public record ReviseMessageRequest(
        @NotNull @Schema(type = SchemaType.OBJECT, description = "Content of the message type's shape") JsonNode content) {
}
