package io.careline.notification.model;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user's choice for one notification type; a type without a row is enabled with sound and popup. */
@Entity
@Table(name = "notification_settings")
public class NotificationSetting extends TenantScopedEntity {
    @Column(name = "user_id")
    public String userId;

    public String type;

    public boolean enabled;

    public boolean sound;

    public boolean popup;
}
