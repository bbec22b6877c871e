package io.careline.support.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;

/** The desk whose oldest waiting room the calling agent takes. */
@RegisterForReflection
public record ClaimNextRequest(@NotNull @Identifier(max = 64) String deskId) {
}
