package io.careline.conversation.api;

import io.careline.conversation.model.SessionStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;

/** Rename a session, or close or reopen it; absent fields stay as they are. */
@RegisterForReflection
public record PatchSessionRequest(@Size(min = 1, max = 128) String name, SessionStatus status) {
}
