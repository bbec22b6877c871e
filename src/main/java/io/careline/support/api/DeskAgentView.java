package io.careline.support.api;

import io.careline.support.model.AgentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Someone who works at a desk, with their status and how many of its rooms they hold. */
@RegisterForReflection
public record DeskAgentView(String agentId, boolean supervisor, AgentStatus status, long held) {
}
