package io.careline.escalation.api;

import io.careline.common.wire.Identifier;
import io.careline.notification.api.NotificationPriority;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ladder and what it is attached to: notifications of a type and/or priority, or sends that name it. */
@RegisterForReflection
public record EscalationPolicyRequest(@Size(max = 255) String name,
        @Schema(description = "Attach to notifications of this type (with priority, if given)") @Identifier(max = 64)
        String notificationType,
        @Schema(description = "Attach to notifications of this priority (with notificationType, if given)")
        NotificationPriority priority,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid EscalationStep> steps) {
}
