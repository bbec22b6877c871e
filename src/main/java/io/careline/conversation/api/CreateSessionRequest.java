package io.careline.conversation.api;

import io.careline.conversation.model.BusinessType;
import io.careline.conversation.model.Ids;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session to create; the same id with the same content again is a harmless retry. */
@RegisterForReflection
public record CreateSessionRequest(
        @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = "must be letters, digits or _.:@-")
        @Schema(description = "Stable id chosen by the client, e.g. patient_team_type; generated when absent")
        String id,
        @NotNull SessionType type,
        @Schema(description = "Derived from the participants' roles when absent") BusinessType businessType,
        @Size(max = 128) String name,
        @NotEmpty List<@Valid @NotNull ParticipantRequest> participants) {
}
