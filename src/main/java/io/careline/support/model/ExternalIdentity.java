package io.careline.support.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Seed 004's customer: a platform's user (ids repeat across platforms, so the pair is the key) as a Careline user. */
@Entity
@Table(name = "external_identities")
public class ExternalIdentity extends TenantScopedEntity {
    public String platform;

    @Column(name = "platform_user_id")
    public String platformUserId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
