package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a message is recalled; kept in its audit trail, never shown to members. */
@RegisterForReflection
public record RecallRequest(@Size(max = 500) @Schema(description = "Kept in the audit trail only") String reason) {
}
