package io.careline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.notification.api.NotificationPriority;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A stored escalation policy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record EscalationPolicyView(String id, String name, String notificationType, NotificationPriority priority,
        List<EscalationStep> steps, String updatedBy, Instant updatedAt) {
}
