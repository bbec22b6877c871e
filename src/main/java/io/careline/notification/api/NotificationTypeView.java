package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Set;

/** A type of the tenant's catalogue. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationTypeView(String code, String description, NotificationPriority defaultPriority,
        Set<Role> senderRoles, Set<Role> recipientRoles) {
}
