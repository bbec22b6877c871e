package io.careline.notification;

import io.careline.notification.model.NotificationPurges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Retention for notifications: one batch of tombstones per transaction, so no purge holds locks for long. */
@ApplicationScoped
public class NotificationRetention {
    @Inject
    NotificationPurges purges;

    /** Purges at most {@code limit} of the tenant's notifications sent before the cutoff. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBatch(String tenant, Instant cutoff, Instant now, int limit) {
        return purges.purge(tenant, cutoff, now, limit);
    }
}
