package io.careline.escalation.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One shift of a roster: the user on duty from startsAt until endsAt. */
@RegisterForReflection
public record ShiftRequest(@NotNull @Identifier String userId, @NotNull Instant startsAt, @NotNull Instant endsAt) {
}
