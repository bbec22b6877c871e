package io.careline.support;

import io.careline.support.api.RoomState;
import io.careline.support.model.Room;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A room's own fields through assign, release and finish (pure); {@link Handover} does the I/O around them. */
final class RoomTransitions {
    private RoomTransitions() {
    }

    /** Gives the room to {@code agentId}; answers how long it had waited, when it was waiting. */
    static Optional<Duration> assign(Room room, String agentId, Instant now) {
        Optional<Duration> waited = room.state == RoomState.WAITING
                ? Optional.of(Duration.between(room.waitingSince, now)) : Optional.empty();
        room.state = RoomState.ASSIGNED;
        room.agentId = agentId;
        room.assignedAt = now;
        return waited;
    }

    /**
     * Takes the room from its agent: ended for good when {@code finished} (nobody awaits a reply, and the
     * customer may open a new room), else back in the queue, waiting from now.
     */
    static void vacate(Room room, boolean finished, Instant now) {
        room.agentId = null;
        room.assignedAt = null;
        if (finished) {
            room.state = RoomState.ENDED;
            room.endedAt = now;
            room.openCustomer = null;
            room.awaitingReply = false;
        } else {
            room.state = RoomState.WAITING;
            room.waitingSince = now;
        }
    }
}
