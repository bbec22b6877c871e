package io.careline.push.api;

import io.careline.common.wire.Identifier;
import io.careline.notification.api.NotificationPriority;
import io.careline.push.model.RuleChannel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule as an admin writes it (docs/push.md, "Rules"). */
@RegisterForReflection
public record RuleRequest(
        @Schema(description = "Unique per tenant, e.g. nurse_accepted_order") @NotNull @Identifier String scenario,
        @Schema(description = "The entity kind events name, e.g. order") @NotNull @Identifier(max = 64) String entity,
        @Schema(description = "Entering one of these states fires the rule")
        @NotEmpty @Size(max = 20) List<@NotNull @Identifier(max = 64) String> states,
        @Schema(description = "Only when leaving one of these states; any when absent")
        @Size(max = 20) List<@NotNull @Identifier(max = 64) String> fromStates,
        @Schema(description = "The event subject who hears it, e.g. patient or nurse")
        @NotNull @Identifier(max = 64) String recipient,
        @Schema(description = "A type of the tenant's notification catalogue") @NotNull @Identifier(max = 64)
        String notificationType,
        @Schema(description = "The type's default priority when absent") NotificationPriority priority,
        @NotEmpty @Size(max = 3) List<@NotNull RuleChannel> channels,
        @Schema(description = "Texts by channel (app, wechat, webhook, or default for all) and language; Qute "
                + "templates over hospital, senderRole, senderName, count, notificationType, priority, scenario, "
                + "entity, fromState, toState")
        @NotEmpty @Size(max = 4) Map<@NotNull String, @NotEmpty @Size(max = 10) Map<@NotNull String, @NotNull @Valid PushText>> templates,
        @Schema(description = "Fire this long after the state was entered, if the entity is still in it; 0: at once")
        @Min(0) @Max(2592000) Integer delaySeconds,
        @Schema(description = "true when absent") Boolean enabled) {
}
