package io.careline.escalation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Who is on duty from startsAt (inclusive) to endsAt (exclusive); position keeps the roster's order. */
@Entity
@Table(name = "roster_shifts")
public class RosterShift extends TenantScopedEntity {
    @Column(name = "roster_pk")
    public long rosterPk;

    public int position;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "starts_at", columnDefinition = DATETIME)
    public Instant startsAt;

    @Column(name = "ends_at", columnDefinition = DATETIME)
    public Instant endsAt;

    public boolean covers(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }

    /** A roster's shifts in its order. */
    public static List<RosterShift> of(long rosterPk) {
        return list("rosterPk = ?1 order by position", rosterPk);
    }

    public static long deleteOf(long rosterPk) {
        return delete("rosterPk", rosterPk);
    }
}
