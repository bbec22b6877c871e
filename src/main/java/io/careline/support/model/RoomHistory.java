package io.careline.support.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.support.api.RoomEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened to a room: who did it, and the agent it concerned. */
@Entity
@Table(name = "support_room_events")
public class RoomHistory extends TenantScopedEntity {
    @Column(name = "room_pk")
    public Long roomPk;

    @Enumerated(EnumType.STRING)
    public RoomEvent event;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(columnDefinition = DATETIME)
    public Instant at;
}
