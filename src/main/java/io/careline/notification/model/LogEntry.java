package io.careline.notification.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit trail: a notification's transition, for whom, by whom, when. */
@Entity
@Table(name = "notification_log")
public class LogEntry extends TenantScopedEntity {
    @Column(name = "notification_pk")
    public long notificationPk;

    /** The recipient the transition concerns; null for {@code sent}, which concerns them all. */
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public LogAction action;

    /** Who made it happen: the sender, the reader; null when the server did (delivery, expiry). */
    @Column(name = "actor_id")
    public String actorId;

    @Column(columnDefinition = DATETIME)
    public Instant at;

    /** For {@code escalated}: the step and what it did ("step 2: notify_role nurse → 3 users"). */
    public String detail;
}
