package io.careline.escalation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A roster as a whole: its name and every shift, in the order next_oncall follows. */
@RegisterForReflection
public record RosterRequest(@NotBlank @Size(max = 255) String name,
        @Schema(description = "At most 1,000 shifts; each ends after it starts")
        @NotNull @Size(max = 1000) List<@NotNull @Valid ShiftRequest> shifts) {
}
