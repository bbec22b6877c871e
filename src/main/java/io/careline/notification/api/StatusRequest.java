package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;

/** The status to give one notification. */
@RegisterForReflection
public record StatusRequest(@NotNull StatusChange status) {
}
