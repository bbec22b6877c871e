package io.careline.push.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A rule turning an entity's state change into notifications and pushes (seed 001's scenario table): who of
 * the event's subjects hears it, as which notification type, through which channels, in which words, and after
 * how long (a timeout rule fires only if the entity is still in the state by then).
 */
@Entity
@Table(name = "push_rules")
public class PushRule extends TenantScopedEntity {
    @Column(name = "public_id")
    public String publicId;

    public String scenario;

    public String entity;

    /** JSON: {"to": [...], "from": [...] or absent}. */
    public String states;

    public String recipient;

    @Column(name = "notification_type")
    public String notificationType;

    public String priority;

    /** Comma-separated rule channels (app, wechat, webhook). */
    public String channels;

    /** JSON: channel (app, wechat, webhook, default) to language to {title, body}. */
    public String templates;

    @Column(name = "delay_seconds")
    public int delaySeconds;

    public boolean enabled;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
