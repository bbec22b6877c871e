package io.careline.notification.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** One entry of a tenant's catalogue: a notification type, its default priority, who sends and receives it. */
@Entity
@Table(name = "notification_types")
public class NotificationType extends TenantScopedEntity {
    public String code;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority")
    public NotificationPriority defaultPriority;

    /** Wire names of the roles, comma-separated. */
    @Column(name = "sender_roles")
    public String senderRoles;

    @Column(name = "recipient_roles")
    public String recipientRoles;

    /** A retired type can no longer be sent; notifications of it stay in history. */
    public boolean retired;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;

    public Set<Role> senders() {
        return roles(senderRoles);
    }

    public Set<Role> recipients() {
        return roles(recipientRoles);
    }

    public static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wire).collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(joined.split(",")).filter(s -> !s.isEmpty()).forEach(name -> roles.add(Role.fromWire(name)));
        return roles;
    }
}
