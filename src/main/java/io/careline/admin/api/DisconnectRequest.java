package io.careline.admin.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose devices an administrator closes: one device, or all of the user's when no connection is named. */
@RegisterForReflection
public record DisconnectRequest(
        @NotNull @Identifier String userId,
        @Identifier(max = 64) @Schema(description = "One device's connectionId; without it, all the user's devices")
        String connectionId,
        @Size(max = 256) @Schema(description = "Why, for the audit log") String reason) {
}
