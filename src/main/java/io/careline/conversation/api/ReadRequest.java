package io.careline.conversation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Everything up to and including this seq has been read. */
public record ReadRequest(@NotNull @PositiveOrZero Long seq) {
}
