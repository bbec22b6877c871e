package io.careline.support.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;

/** The desk's agent who takes the room over. */
@RegisterForReflection
public record TransferRequest(@NotNull @Identifier String agentId) {
}
