package io.careline.notification.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notification as it was sent, once for all its recipients. */
@Entity
@Table(name = "notifications")
public class Notification extends TenantScopedEntity {
    @Column(name = "public_id")
    public String publicId;

    public String type;

    public String title;

    public String body;

    @Enumerated(EnumType.STRING)
    public NotificationPriority priority;

    /** A JSON object, or null. */
    public String metadata;

    @Column(name = "sender_id")
    public String senderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_role")
    public Role senderRole;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "recipient_count")
    public int recipientCount;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "expires_at", columnDefinition = DATETIME)
    public Instant expiresAt;

    /** Whether each recipient is asked to acknowledge it (distinct from reading it). */
    @Column(name = "requires_ack")
    public boolean requiresAck;

    /** When retention replaced title, body and metadata with a tombstone (null while kept). */
    @Column(name = "purged_at", columnDefinition = DATETIME, insertable = false, updatable = false)
    public Instant purgedAt;

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
