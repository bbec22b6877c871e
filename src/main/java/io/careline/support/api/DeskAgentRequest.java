package io.careline.support.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's place at a desk. */
@RegisterForReflection
public record DeskAgentRequest(@Schema(description = "Hears of rooms waiting past the target; false when absent")
        Boolean supervisor) {
}
