package io.careline.escalation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An on-call roster of the tenant: a name and its shifts ({@link RosterShift}). */
@Entity
@Table(name = "rosters")
public class Roster extends TenantScopedEntity {
    @Column(name = "roster_id")
    public String rosterId;

    public String name;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;

    /** The current tenant's roster with this id. */
    public static Optional<Roster> byId(String rosterId) {
        return find("rosterId", rosterId).firstResultOptional();
    }
}
