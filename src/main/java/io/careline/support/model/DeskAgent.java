package io.careline.support.model;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Someone who works at a desk; supervisors hear of rooms waiting past the desk's target. */
@Entity
@Table(name = "support_desk_agents")
public class DeskAgent extends TenantScopedEntity {
    @Column(name = "desk_pk")
    public Long deskPk;

    @Column(name = "agent_id")
    public String agentId;

    public boolean supervisor;
}
