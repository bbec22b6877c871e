package io.careline.conversation.api;

import io.careline.conversation.model.Ids;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consultation to open; the id may be the hospital's consultation code. */
@RegisterForReflection
public record OpenTopicRequest(
        @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = "must be letters, digits or _.:@-")
        @Schema(description = "Hospital consultation code; generated when absent") String id,
        @Size(max = 1000) String description) {
}
