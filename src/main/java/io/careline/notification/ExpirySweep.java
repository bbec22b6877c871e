package io.careline.notification;

import io.careline.common.UtcDateTimeConverter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Marks unread copies of notifications whose {@code expiresAt} has passed {@code expired}, with a log line
 * each. Every node sweeps; rows another node is sweeping are skipped (SKIP LOCKED), so none is logged twice.
 * Until the sweep comes, an expired notification is already neither delivered nor synced.
 */
@ApplicationScoped
public class ExpirySweep {
    private static final int BATCH = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Scheduled(every = "${careline.notifications.expiry-sweep:30s}", delayed = "${careline.notifications.expiry-sweep:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Sweeps every expired copy, a batch per transaction; returns how many it marked. */
    public int sweep() {
        int total = 0;
        int marked;
        do {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            marked = QuarkusTransaction.requiringNew().call(() -> sweepBatch(now));
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    /** Plain SQL across tenants: the sweep serves every tenant, and each row carries its own tenant id. */
    private int sweepBatch(Instant now) {
        String at = new UtcDateTimeConverter().convertToDatabaseColumn(now);
        @SuppressWarnings("unchecked")
        List<Object> pks = entityManager.createNativeQuery("""
                SELECT r.pk FROM notification_recipients r JOIN notifications n ON n.pk = r.notification_pk
                WHERE n.expires_at <= ?1 AND r.status IN ('PENDING', 'DELIVERED')
                ORDER BY r.pk""" + " LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED").setParameter(1, at).getResultList();
        if (pks.isEmpty()) {
            return 0;
        }
        List<Long> keys = pks.stream().map(pk -> ((Number) pk).longValue()).toList();
        entityManager.createNativeQuery("""
                INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, at)
                SELECT tenant_id, notification_pk, user_id, 'EXPIRED', ?1 FROM notification_recipients
                WHERE pk IN (?2)""").setParameter(1, at).setParameter(2, keys).executeUpdate();
        entityManager.createNativeQuery("UPDATE notification_recipients SET status = 'EXPIRED' WHERE pk IN (?1)")
                .setParameter(1, keys).executeUpdate();
        return keys.size();
    }
}
