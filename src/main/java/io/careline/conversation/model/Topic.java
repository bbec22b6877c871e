package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A consultation inside a session, from its begin message (start seq) to its end message (end seq). */
@Entity
@Table(name = "topics")
public class Topic extends TenantScopedEntity {
    @Column(name = "public_id")
    public String publicId;

    @Column(name = "session_pk")
    public Long sessionPk;

    @Enumerated(EnumType.STRING)
    public TopicStatus status;

    public boolean replied;

    @Column(name = "first_reply_at", columnDefinition = DATETIME)
    public Instant firstReplyAt;

    @Column(name = "start_seq")
    public long startSeq;

    @Column(name = "end_seq")
    public Long endSeq;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "ended_by")
    public String endedBy;

    public String description;

    @Column(name = "opened_at", columnDefinition = DATETIME)
    public Instant openedAt;

    @Column(name = "ended_at", columnDefinition = DATETIME)
    public Instant endedAt;
}
