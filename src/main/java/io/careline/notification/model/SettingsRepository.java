package io.careline.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Per-type notification settings and quiet hours of the current tenant's users. */
@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<NotificationSetting, Long> {

    public List<NotificationSetting> of(String userId) {
        return list("userId", userId);
    }

    /** User id and type of each type the tenant's users turned off (native SQL with the tenant bound: a send's hot path). */
    @SuppressWarnings("unchecked")
    public List<Object[]> disabledTypes(String tenant, Collection<String> userIds) {
        return getEntityManager().createNativeQuery("""
                SELECT user_id, type FROM notification_settings
                WHERE tenant_id = ?1 AND enabled = FALSE AND user_id IN (?2)""")
                .setParameter(1, tenant).setParameter(2, userIds).getResultList();
    }

    public Optional<QuietHoursWindow> quietHoursOf(String userId) {
        return getEntityManager().createQuery("select q from QuietHoursWindow q where q.userId = :user",
                QuietHoursWindow.class).setParameter("user", userId).getResultStream().findFirst();
    }

    /** The quiet hours of those of the tenant's users who have any (native SQL, as {@link #disabledTypes}); not managed. */
    public List<QuietHoursWindow> quietHoursOf(String tenant, Collection<String> userIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT user_id, start_minute, end_minute, time_zone, weekdays FROM notification_quiet_hours
                WHERE tenant_id = ?1 AND user_id IN (?2)""").setParameter(1, tenant).setParameter(2, userIds)
                .getResultList();
        return rows.stream().map(row -> {
            QuietHoursWindow window = new QuietHoursWindow();
            window.userId = (String) row[0];
            window.startMinute = ((Number) row[1]).intValue();
            window.endMinute = ((Number) row[2]).intValue();
            window.timeZone = (String) row[3];
            window.weekdays = (String) row[4];
            return window;
        }).toList();
    }
}
