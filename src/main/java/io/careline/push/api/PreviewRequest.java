package io.careline.push.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;

/** A sample event to render a rule's texts with; absent states take the rule's first. */
@RegisterForReflection
public record PreviewRequest(@Identifier(max = 64) String fromState, @Identifier(max = 64) String toState,
        @Size(max = 35) String locale) {
}
