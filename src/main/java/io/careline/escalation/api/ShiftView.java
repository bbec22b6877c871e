package io.careline.escalation.api;

import io.careline.escalation.model.RosterShift;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A shift as stored. */
@RegisterForReflection
public record ShiftView(String userId, Instant startsAt, Instant endsAt) {

    public static ShiftView of(RosterShift shift) {
        return new ShiftView(shift.userId, shift.startsAt, shift.endsAt);
    }
}
