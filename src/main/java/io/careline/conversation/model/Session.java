package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.conversation.api.SessionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A conversation; its row lock serialises seq allocation, its last_* fields feed session lists. Those
 * summary columns are written only by {@code MessageStore} and {@code MessageChangeStore}, so Hibernate maps
 * them read-only.
 */
@Entity
@Table(name = "sessions")
public class Session extends TenantScopedEntity {
    @Column(name = "public_id")
    public String publicId;

    public SessionType type;

    @Column(name = "business_type")
    public BusinessType businessType;

    public String name;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "last_seq", updatable = false)
    public long lastSeq;

    @Column(name = "last_message_at", columnDefinition = DATETIME, updatable = false)
    public Instant lastMessageAt;

    @Column(name = "last_message_preview", updatable = false)
    public String lastMessagePreview;

    /** Whether the last message was recalled: the list shows it as such, without a preview. */
    @Column(name = "last_message_recalled", updatable = false)
    public boolean lastMessageRecalled;

    /** Changes (recalls, revisions) to the session's messages so far; a device syncs them from the last it saw. */
    @Column(name = "last_change_seq", updatable = false)
    public long lastChangeSeq;

    /** Last message time, or creation time before the first message: the list's sort key. */
    @Column(name = "activity_at", columnDefinition = DATETIME, updatable = false)
    public Instant activityAt;

    @Column(name = "open_topic_id")
    public String openTopicId;

    /** Set while the session is on legal hold: retention leaves its messages alone. */
    @Column(name = "legal_hold_at", columnDefinition = DATETIME)
    public Instant legalHoldAt;

    @Column(name = "legal_hold_by")
    public String legalHoldBy;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
