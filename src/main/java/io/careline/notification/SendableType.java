package io.careline.notification;

import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.model.NotificationType;
import java.util.Set;

/** A type of a tenant's catalogue that can be sent, as the send path reads it: immutable, its roles parsed once. */
public record SendableType(String code, NotificationPriority defaultPriority, Set<Role> senders,
        Set<Role> recipients) {

    static SendableType of(NotificationType type) {
        return new SendableType(type.code, type.defaultPriority, Set.copyOf(type.senders()),
                Set.copyOf(type.recipients()));
    }
}
