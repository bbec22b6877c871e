package io.careline.admin;

import io.careline.admin.api.AuditEntryView;
import io.careline.admin.api.AuditPage;
import io.careline.admin.model.AuditStore;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The tenant's record of what administrators did to other people's connections, newest first. */
@ApplicationScoped
public class AuditLog {
    static final String DISCONNECT = "disconnect";

    @Inject
    AuditStore store;

    @Inject
    Clock clock;

    /** Records one action and answers its audit id. */
    @Transactional
    public String record(Caller actor, String action, String targetUserId, List<String> connectionIds, String reason) {
        String auditId = UUID.randomUUID().toString();
        store.insert(actor.tenant(), auditId, actor.userId(), action, targetUserId, connectionIds, reason,
                Instant.now(clock));
        return auditId;
    }

    @Transactional
    public AuditPage list(Caller caller, int limit, String cursor) {
        Long before = cursor == null ? null : PageCursor.decode(cursor, 1).get(0);
        KeysetPage<AuditStore.Row> page = KeysetPage.of(
                new ArrayList<>(store.newestFirst(caller.tenant(), before, limit + 1)), limit);
        return new AuditPage(page.map(AuditLog::view), page.nextCursor(row -> PageCursor.of(row.pk())));
    }

    private static AuditEntryView view(AuditStore.Row row) {
        return new AuditEntryView(row.auditId(), row.actorId(), row.action(), row.targetUserId(), row.connectionIds(),
                row.reason(), row.createdAt());
    }
}
