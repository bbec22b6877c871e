package io.careline.push;

import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.push.api.PushPage;
import io.careline.push.model.Channel;
import io.careline.push.model.OutboxAdminStore;
import io.careline.push.model.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** The tenant's outbox for admins: listed by state, user and channel, and a dead push sent again. */
@ApplicationScoped
public class OutboxAdminService {

    @Inject
    OutboxAdminStore store;

    @Inject
    Clock clock;

    @Transactional
    public PushPage list(Caller caller, OutboxState state, String userId, Channel channel, int limit, String cursor) {
        Long before = cursor == null ? null : PageCursor.decode(cursor, 1).get(0);
        KeysetPage<OutboxAdminStore.Listed> page = KeysetPage.of(
                new ArrayList<>(store.newestFirst(caller.tenant(), state, userId, channel, before, limit + 1)), limit);
        return new PushPage(page.map(OutboxAdminStore.Listed::push),
                page.nextCursor(listed -> PageCursor.of(listed.pk())));
    }

    /** How many of the tenant's pushes are in each state, every state listed (0 when none). */
    @Transactional
    public Map<String, Long> countByState(Caller caller) {
        Map<OutboxState, Long> stored = store.countByState(caller.tenant());
        Map<String, Long> counts = new TreeMap<>();
        for (OutboxState state : OutboxState.values()) {
            counts.put(state.wire(), stored.getOrDefault(state, 0L));
        }
        return counts;
    }

    /** Puts a dead push back in the queue, due now, with its attempts counted afresh. */
    @Transactional
    public void retry(Caller caller, String pushId) {
        OutboxState state = store.lockState(caller.tenant(), pushId)
                .orElseThrow(() -> new DomainException(ErrorCode.PUSH_NOT_FOUND, "No such push."));
        if (state != OutboxState.DEAD) {
            throw new DomainException(ErrorCode.PUSH_NOT_DEAD, "Only a dead push can be retried.");
        }
        store.requeue(caller.tenant(), pushId, Instant.now(clock));
    }
}
