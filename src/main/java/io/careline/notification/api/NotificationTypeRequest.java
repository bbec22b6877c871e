package io.careline.notification.api;

import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A type to create or redefine in the tenant's catalogue. */
@RegisterForReflection
public record NotificationTypeRequest(@Size(max = 255) String description,
        @NotNull NotificationPriority defaultPriority,
        @Schema(description = "Roles that may send it; a patient may never notify another patient")
        @NotEmpty Set<@NotNull Role> senderRoles,
        @NotEmpty Set<@NotNull Role> recipientRoles) {
}
