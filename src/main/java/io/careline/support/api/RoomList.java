package io.careline.support.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Rooms of the caller: an agent's held rooms, a customer's own. */
@RegisterForReflection
public record RoomList(List<RoomView> items) {
}
