package io.careline.notification.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's subscription to a room. */
@Entity
@Table(name = "room_subscriptions")
public class RoomSubscription extends TenantScopedEntity {
    @Column(name = "user_id")
    public String userId;

    public String room;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;
}
