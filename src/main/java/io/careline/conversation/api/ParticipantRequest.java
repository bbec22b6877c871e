package io.careline.conversation.api;

import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member to put in a session; the role defaults to the user's profile role. */
@RegisterForReflection
public record ParticipantRequest(
        @NotNull @Identifier String userId,
        @Schema(description = "Role in this session; defaults to the user's profile role") Role role) {
}
