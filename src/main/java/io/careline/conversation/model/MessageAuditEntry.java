package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a changed message, or its recall: the trail only admins read. */
@Entity
@Table(name = "message_audit")
public class MessageAuditEntry extends TenantScopedEntity {
    /** What happened to the message. */
    public enum Action {
        /** The message as first sent (written with its first change). */
        SENT,
        /** A new revision of its content. */
        REVISED,
        /** Recalled: its content left the message. */
        RECALLED
    }

    @Column(name = "session_pk")
    public long sessionPk;

    public long seq;

    @Enumerated(EnumType.STRING)
    public Action action;

    public int revision;

    @Column(name = "actor_id")
    public String actorId;

    public MessageType type;

    @Column(columnDefinition = "mediumtext")
    public String content;

    public String reason;

    @Column(columnDefinition = DATETIME)
    public Instant at;
}
