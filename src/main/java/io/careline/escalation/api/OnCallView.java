package io.careline.escalation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** Who is on duty on a roster at an instant, in the roster's order. */
@RegisterForReflection
public record OnCallView(String rosterId, Instant at, List<ShiftView> oncall) {
}
