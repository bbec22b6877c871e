package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Everything up to and including this seq has been read. */
@RegisterForReflection
public record ReadRequest(@NotNull @PositiveOrZero Long seq) {
}
