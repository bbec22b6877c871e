package io.careline.notification.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A notification to send (seed 003's {@code /send} body, plus targeting): any mix of user ids, roles, a
 * department, a session's participants and a room; each recipient gets it once.
 */
@RegisterForReflection
public record SendNotificationRequest(
        @Schema(description = "User ids of the tenant; with the groups' members at most "
                + "careline.notifications.max-recipients (20,000 by default) in all")
        List<@NotNull @Identifier String> recipients,
        @Schema(description = "Every user of the tenant whose profile has one of these roles") @Size(max = 6)
        List<@NotNull Role> roles,
        @Schema(description = "Every user of the tenant in this department") @Identifier String department,
        @Schema(description = "The active participants of this session (one the sender may read)")
        @Identifier String sessionId,
        @Schema(description = "The users subscribed to this room at send time") @Identifier(max = 200) String room,
        @Schema(description = "A type of the tenant's catalogue") @NotNull @Identifier(max = 64) String type,
        @NotBlank @Size(max = 255) String title,
        @Schema(description = "The body text") @NotNull @Size(max = 4000) String content,
        @Schema(description = "The type's default priority when absent") NotificationPriority priority,
        @Schema(description = "A JSON object, at most careline.notifications.max-metadata-bytes") ObjectNode metadata,
        @Schema(description = "After this instant it is neither delivered nor synced, and unread copies expire")
        Instant expiresAt,
        @Schema(description = "A retried send with the same key answers the first notification")
        @Identifier String idempotencyKey,
        @Schema(description = "Whoever is on duty on this roster at send time; nobody on duty is 422 ROSTER_EMPTY")
        @Identifier String oncall,
        @Schema(description = "Ask each recipient to acknowledge it; absent: on when the priority is urgent")
        Boolean requiresAck,
        @Schema(description = "The escalation ladder to climb while a recipient has not acknowledged; absent: the "
                + "policy attached to the type and priority, if any") @Identifier String escalationPolicyId) {
}
