package io.careline.retention.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One purge a node made: the scope, up to which time, how many rows. */
@Entity
@Table(name = "retention_log")
public class RetentionLogEntry extends TenantScopedEntity {
    public String scope;

    @Column(columnDefinition = DATETIME)
    public Instant cutoff;

    public int purged;

    public String node;

    @Column(columnDefinition = DATETIME)
    public Instant at;
}
