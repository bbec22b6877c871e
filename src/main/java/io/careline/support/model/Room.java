package io.careline.support.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.support.api.RoomState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's conversation at a desk (seed 004's chat_conversations), held in a support session: waiting, held
 * by one agent, or ended. awaitingReply is seed 004's is_reply = 0.
 */
@Entity
@Table(name = "support_rooms")
public class Room extends TenantScopedEntity {
    @Column(name = "session_pk")
    public Long sessionPk;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "desk_pk")
    public Long deskPk;

    @Column(name = "customer_id")
    public String customerId;

    /** The customer while the room is not ended: one open room per customer and desk (a unique key). */
    @Column(name = "open_customer")
    public String openCustomer;

    @Enumerated(EnumType.STRING)
    public RoomState state;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "awaiting_reply")
    public boolean awaitingReply;

    @Column(name = "waiting_since", columnDefinition = DATETIME)
    public Instant waitingSince;

    @Column(name = "assigned_at", columnDefinition = DATETIME)
    public Instant assignedAt;

    @Column(name = "first_response_at", columnDefinition = DATETIME)
    public Instant firstResponseAt;

    @Column(name = "ended_at", columnDefinition = DATETIME)
    public Instant endedAt;

    /** When a room still without an agent's reply escalates; null: the desk has no target. */
    @Column(name = "response_due_at", columnDefinition = DATETIME)
    public Instant responseDueAt;

    @Column(name = "escalated_at", columnDefinition = DATETIME)
    public Instant escalatedAt;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;
}
