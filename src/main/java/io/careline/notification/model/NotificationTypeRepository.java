package io.careline.notification.model;

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

    public List<NotificationType> active() {
        return list("retired = false order by code");
    }
}
