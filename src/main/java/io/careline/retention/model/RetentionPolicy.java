package io.careline.retention.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** How many days a tenant keeps the content of one scope: a session type's messages, or its notifications. */
@Entity
@Table(name = "retention_policies")
public class RetentionPolicy extends TenantScopedEntity {
    public String scope;

    @Column(name = "keep_days")
    public int keepDays;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;

    /** The current tenant's policy for the scope. */
    public static Optional<RetentionPolicy> ofScope(String scope) {
        return find("scope", scope).firstResultOptional();
    }
}
