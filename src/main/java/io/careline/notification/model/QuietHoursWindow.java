package io.careline.notification.model;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user's stored quiet hours (see {@link io.careline.notification.QuietHours} for what they mean). */
@Entity
@Table(name = "notification_quiet_hours")
public class QuietHoursWindow extends TenantScopedEntity {
    @Column(name = "user_id")
    public String userId;

    @Column(name = "start_minute")
    public int startMinute;

    @Column(name = "end_minute")
    public int endMinute;

    @Column(name = "time_zone")
    public String timeZone;

    /** ISO day numbers (1 = Monday) the window starts on, comma-separated; null for every day. */
    public String weekdays;
}
