package io.careline.push.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hospital system's report that an entity changed state (seed 001's order changes). */
@RegisterForReflection
public record EventRequest(
        @Schema(description = "The sender's id for this event: a repeat is answered, not acted on twice")
        @NotNull @Identifier String eventId,
        @NotNull @Identifier(max = 64) String entity,
        @NotNull @Identifier String entityId,
        @Identifier(max = 64) String fromState,
        @NotNull @Identifier(max = 64) String toState,
        @Schema(description = "When the change happened; an event older than the entity's last is recorded only")
        @NotNull Instant occurredAt,
        @Schema(description = "Who the event concerns, by role: {\"patient\": [\"p1\"], \"nurse\": [\"n7\"]}")
        @NotNull @Size(max = 10) Map<@NotNull @Identifier(max = 64) String, @NotEmpty @Size(max = 100) List<@NotNull @Identifier String>> subjects,
        @Schema(description = "The sender's own data; stored with the event, never shown in a push") ObjectNode data) {
}
