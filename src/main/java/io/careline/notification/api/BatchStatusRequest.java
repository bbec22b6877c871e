package io.careline.notification.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The status to give several of the caller's notifications at once. */
@RegisterForReflection
public record BatchStatusRequest(@NotEmpty @Size(max = 100) List<@NotNull @Identifier(max = 36) String> ids,
        @NotNull StatusChange status) {
}
