package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** A member's read position moved forward to seq at readAt: when they read each message up to it. */
@Entity
@Table(name = "read_marks")
public class ReadMark extends TenantScopedEntity {
    @Column(name = "session_pk")
    public long sessionPk;

    @Column(name = "user_id")
    public String userId;

    public long seq;

    @Column(name = "read_at", columnDefinition = DATETIME)
    public Instant readAt;

    public static ReadMark of(long sessionPk, String userId, long seq, Instant readAt) {
        ReadMark mark = new ReadMark();
        mark.sessionPk = sessionPk;
        mark.userId = userId;
        mark.seq = seq;
        mark.readAt = readAt;
        return mark;
    }

    /** When each member first read the message at seq (their earliest mark at or past it), by user id. */
    public static Map<String, Instant> firstReadOf(long sessionPk, long seq) {
        return getEntityManager().createQuery("select r.userId, min(r.readAt) from ReadMark r"
                + " where r.sessionPk = ?1 and r.seq >= ?2 group by r.userId", Object[].class)
                .setParameter(1, sessionPk).setParameter(2, seq).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Instant) row[1]));
    }
}
