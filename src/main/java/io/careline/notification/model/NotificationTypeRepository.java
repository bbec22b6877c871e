package io.careline.notification.model;

import io.careline.notification.api.NotificationPriority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The current tenant's notification catalogue. */
@ApplicationScoped
public class NotificationTypeRepository implements PanacheRepositoryBase<NotificationType, Long> {

    public Optional<NotificationType> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * The tenant's type of this code unless retired, read in native SQL (a send's hot path; see
     * {@link io.careline.user.UserRepository#rolesIn}); the entity returned is not managed.
     */
    public Optional<NotificationType> sendable(String tenant, String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT code, default_priority, sender_roles, recipient_roles FROM notification_types
                WHERE tenant_id = ?1 AND code = ?2 AND retired = FALSE""").setParameter(1, tenant)
                .setParameter(2, code).getResultList();
        return rows.stream().findFirst().map(row -> {
            NotificationType type = new NotificationType();
            type.code = (String) row[0];
            type.defaultPriority = NotificationPriority.valueOf((String) row[1]);
            type.senderRoles = (String) row[2];
            type.recipientRoles = (String) row[3];
            return type;
        });
    }

    public List<NotificationType> active() {
        return list("retired = false order by code");
    }
}
