package io.careline.notification.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.notification.api.StatusChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notification as one recipient has it: their nseq, status, and when it was delivered, read, archived. */
@Entity
@Table(name = "notification_recipients")
public class Recipient extends TenantScopedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notification_pk")
    public Notification notification;

    @Column(name = "user_id")
    public String userId;

    public long nseq;

    @Enumerated(EnumType.STRING)
    public RecipientStatus status;

    @Column(name = "priority_rank")
    public int priorityRank;

    public boolean silent;

    @Column(name = "delivered_at", columnDefinition = DATETIME)
    public Instant deliveredAt;

    @Column(name = "read_at", columnDefinition = DATETIME)
    public Instant readAt;

    @Column(name = "archived_at", columnDefinition = DATETIME)
    public Instant archivedAt;

    @Column(name = "acknowledged_at", columnDefinition = DATETIME)
    public Instant acknowledgedAt;

    /**
     * Applies what the recipient did; false when it changes nothing (read twice, archived twice). An expired
     * notification can no longer be read or acknowledged, but it can be archived; an acknowledged one stays
     * read.
     */
    public boolean apply(StatusChange change, Instant now) {
        switch (change) {
            case READ -> {
                if (readAt != null || status == RecipientStatus.EXPIRED) {
                    return false;
                }
                readAt = now;
                status = RecipientStatus.READ;
            }
            case UNREAD -> {
                if (readAt == null || acknowledgedAt != null) {
                    return false;
                }
                readAt = null;
                status = deliveredAt != null ? RecipientStatus.DELIVERED : RecipientStatus.PENDING;
            }
            case ARCHIVED -> {
                if (archivedAt != null) {
                    return false;
                }
                archivedAt = now;
            }
            case UNARCHIVED -> {
                if (archivedAt == null) {
                    return false;
                }
                archivedAt = null;
            }
            case ACKNOWLEDGED -> {
                if (acknowledgedAt != null || status == RecipientStatus.EXPIRED) {
                    return false;
                }
                acknowledgedAt = now;
                if (readAt == null) {
                    readAt = now;
                }
                status = RecipientStatus.ACKNOWLEDGED;
            }
        }
        return true;
    }

    /** The log action of a change. */
    public static LogAction actionOf(StatusChange change) {
        return LogAction.valueOf(change.name());
    }
}
