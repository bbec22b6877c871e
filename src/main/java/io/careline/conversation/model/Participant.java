package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.common.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's membership of a session, with read position and per-user pin and mute. */
@Entity
@Table(name = "participants")
public class Participant extends TenantScopedEntity {
    @Column(name = "session_pk")
    public Long sessionPk;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "joined_at", columnDefinition = DATETIME)
    public Instant joinedAt;

    @Column(name = "left_at", columnDefinition = DATETIME)
    public Instant leftAt;

    /** The last seq a participant who left may still read. */
    @Column(name = "left_seq")
    public Long leftSeq;

    @Column(name = "last_read_seq")
    public long lastReadSeq;

    public boolean pinned;

    public boolean muted;

    /** Refused new messages: a doctor blocked this patient (their care relation). */
    @Column(name = "send_blocked")
    public boolean sendBlocked;

    public boolean isActive() {
        return leftAt == null;
    }
}
