package io.careline.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The audit trail of the current tenant's notifications. */
@ApplicationScoped
public class LogRepository implements PanacheRepositoryBase<LogEntry, Long> {

    /**
     * A page of entries after {@code afterPk}, oldest first, narrowed by whichever filters are given;
     * {@code limit + 1} rows so the caller can tell whether more follow.
     */
    public List<LogEntry> page(Long notificationPk, String userId, LogAction action, long afterPk, int limit) {
        StringBuilder query = new StringBuilder("pk > :after");
        Parameters parameters = Parameters.with("after", afterPk);
        if (notificationPk != null) {
            query.append(" and notificationPk = :notification");
            parameters.and("notification", notificationPk);
        }
        if (userId != null) {
            query.append(" and userId = :user");
            parameters.and("user", userId);
        }
        if (action != null) {
            query.append(" and action = :action");
            parameters.and("action", action);
        }
        return find(query + " order by pk", parameters).page(0, limit + 1).list();
    }
}
