package io.careline.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Notifications of the current tenant. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {

    public Optional<Notification> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }
}
