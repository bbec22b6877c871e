package io.careline.escalation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A roster with its shifts in their order. */
@RegisterForReflection
public record RosterView(String id, String name, List<ShiftView> shifts, String updatedBy, Instant updatedAt) {
}
