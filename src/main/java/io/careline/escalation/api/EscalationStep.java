package io.careline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rung of a ladder: how long after the send, and what to do if the recipient has not acknowledged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record EscalationStep(
        @Schema(description = "Seconds after the notification was sent; each step after the one before")
        @NotNull @Min(1) @Max(604800) Integer afterSeconds,
        @NotNull EscalationAction action,
        @Schema(description = "notify_role: the role to alert (or department)") Role role,
        @Schema(description = "notify_role: the department to alert (or role)") @Identifier String department,
        @Schema(description = "next_oncall: the roster whose next person on duty is alerted") @Identifier String rosterId) {
}
