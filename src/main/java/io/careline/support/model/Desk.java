package io.careline.support.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.support.api.Routing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A support desk: the assistant identity its customers talk to, how rooms are routed, and its targets. */
@Entity
@Table(name = "support_desks")
public class Desk extends TenantScopedEntity {
    @Column(name = "desk_id")
    public String deskId;

    public String name;

    /** The one user id customers see, like seed 002's official assistant; a member of every room. */
    @Column(name = "assistant_id")
    public String assistantId;

    @Enumerated(EnumType.STRING)
    public Routing routing;

    /** Most rooms one agent holds at once at this desk. */
    public int capacity;

    /** Minutes a room may wait for its first agent reply before the supervisors are told; null: no target. */
    @Column(name = "first_response_minutes")
    public Integer firstResponseMinutes;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
