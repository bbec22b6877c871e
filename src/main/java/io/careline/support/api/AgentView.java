package io.careline.support.api;

import io.careline.support.model.AgentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** An agent's status and, per desk they work at, how many rooms they hold of how many allowed. */
@RegisterForReflection
public record AgentView(String agentId, AgentStatus status, List<Load> desks) {

    /** Rooms held at one desk. */
    @RegisterForReflection
    public record Load(String deskId, long held, int capacity) {
    }
}
