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

    /** Which of the users turned the type off. */
    public List<String> disabled(String type, Collection<String> userIds) {
        return getEntityManager().createQuery("""
                select s.userId from NotificationSetting s
                where s.type = :type and s.enabled = false and s.userId in :users""", String.class)
                .setParameter("type", type).setParameter("users", userIds).getResultList();
    }

    public Optional<QuietHoursWindow> quietHoursOf(String userId) {
        return getEntityManager().createQuery("select q from QuietHoursWindow q where q.userId = :user",
                QuietHoursWindow.class).setParameter("user", userId).getResultStream().findFirst();
    }

    /** The quiet hours of those of the users who have any. */
    public List<QuietHoursWindow> quietHoursOf(Collection<String> userIds) {
        return getEntityManager().createQuery("select q from QuietHoursWindow q where q.userId in :users",
                QuietHoursWindow.class).setParameter("users", userIds).getResultList();
    }
}
