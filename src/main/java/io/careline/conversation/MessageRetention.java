package io.careline.conversation;

import io.careline.conversation.api.SessionType;
import io.careline.conversation.model.MessagePurges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Retention for messages: one batch of tombstones per transaction, so no purge holds locks for long. */
@ApplicationScoped
public class MessageRetention {
    @Inject
    MessagePurges purges;

    /** Purges at most {@code limit} messages sent before the cutoff in the tenant's sessions of this type. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBatch(String tenant, SessionType type, Instant cutoff, Instant now, int limit) {
        return purges.purge(tenant, type, cutoff, now, limit);
    }
}
