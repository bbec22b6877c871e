package io.careline.support.api;

import io.careline.support.model.AgentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;

/** An agent's status. */
@RegisterForReflection
public record AgentStatusRequest(@NotNull AgentStatus status) {
}
