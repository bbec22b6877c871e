package io.careline.push.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's app installation or WeChat identity, and the provider token that addresses it. */
@Entity
@Table(name = "push_devices")
public class Device extends TenantScopedEntity {
    @Column(name = "user_id")
    public String userId;

    @Column(name = "device_id")
    public String deviceId;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    @Enumerated(EnumType.STRING)
    public Channel provider;

    public String token;

    @Column(name = "client_type")
    @Enumerated(EnumType.STRING)
    public ClientType clientType;

    public String locale;

    @Column(name = "app_version")
    public String appVersion;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
