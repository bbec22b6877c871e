package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The complete new member list of a session. */
@RegisterForReflection
public record ReplaceParticipantsRequest(@NotNull List<@Valid @NotNull ParticipantRequest> participants) {
}
