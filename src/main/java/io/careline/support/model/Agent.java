package io.careline.support.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's own status across the tenant's desks; an agent without a row is offline. */
@Entity
@Table(name = "support_agents")
public class Agent extends TenantScopedEntity {
    @Column(name = "agent_id")
    public String agentId;

    @Enumerated(EnumType.STRING)
    public AgentStatus status;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
