package io.careline.conversation.api;

import io.careline.common.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member to put in a session; the role defaults to the user's profile role. */
public record ParticipantRequest(
        @NotBlank @Size(max = 128) String userId,
        @Schema(description = "Role in this session; defaults to the user's profile role") Role role) {
}
