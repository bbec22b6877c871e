package io.careline.push.api;

import io.careline.notification.api.NotificationPriority;
import io.careline.push.model.RuleChannel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored rule. */
@RegisterForReflection
public record RuleView(String id, String scenario, String entity, List<String> states, List<String> fromStates,
        String recipient, String notificationType, NotificationPriority priority, List<RuleChannel> channels,
        Map<String, Map<String, PushText>> templates, int delaySeconds, boolean enabled, Instant createdAt,
        Instant updatedAt) {
}
