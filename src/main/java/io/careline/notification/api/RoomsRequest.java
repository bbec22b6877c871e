package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Rooms to subscribe to (docs/notifications.md, "Rooms"). */
@RegisterForReflection
public record RoomsRequest(@NotEmpty @Size(max = 50) List<@NotNull @Size(max = 200) String> rooms) {
}
