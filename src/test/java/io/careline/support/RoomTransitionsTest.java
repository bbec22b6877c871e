package io.careline.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.support.api.RoomState;
import io.careline.support.model.Room;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The support handover's own rules for a room's fields: assign, reassign, release and finish. */
class RoomTransitionsTest {
    private static final Instant OPENED = Instant.parse("2026-12-05T08:00:00Z");
    private static final Instant NOW = OPENED.plusSeconds(90);

    @Test
    void assigningAWaitingRoomGivesItToTheAgentAndTellsHowLongItWaited() {
        Room room = waiting();
        assertThat(RoomTransitions.assign(room, "agent-a", NOW)).contains(Duration.ofSeconds(90));
        assertThat(room.state).isEqualTo(RoomState.ASSIGNED);
        assertThat(room.agentId).isEqualTo("agent-a");
        assertThat(room.assignedAt).isEqualTo(NOW);
    }

    @Test
    void transferringAHeldRoomCountsNoWait() {
        Room room = waiting();
        RoomTransitions.assign(room, "agent-a", OPENED.plusSeconds(10));
        assertThat(RoomTransitions.assign(room, "agent-b", NOW)).isEmpty();
        assertThat(room.agentId).isEqualTo("agent-b");
        assertThat(room.assignedAt).isEqualTo(NOW);
    }

    @Test
    void releasingPutsTheRoomBackInTheQueueWaitingFromNow() {
        Room room = heldAwaitingReply();
        RoomTransitions.vacate(room, false, NOW);
        assertThat(room.state).isEqualTo(RoomState.WAITING);
        assertThat(room.waitingSince).isEqualTo(NOW);
        assertThat(room.agentId).isNull();
        assertThat(room.assignedAt).isNull();
        assertThat(room.awaitingReply).as("the customer still awaits an answer").isTrue();
        assertThat(room.openCustomer).isEqualTo("customer-1");
        assertThat(room.endedAt).isNull();
    }

    @Test
    void finishingEndsTheRoomAndFreesTheCustomerToOpenANewOne() {
        Room room = heldAwaitingReply();
        RoomTransitions.vacate(room, true, NOW);
        assertThat(room.state).isEqualTo(RoomState.ENDED);
        assertThat(room.endedAt).isEqualTo(NOW);
        assertThat(room.agentId).isNull();
        assertThat(room.assignedAt).isNull();
        assertThat(room.openCustomer).isNull();
        assertThat(room.awaitingReply).isFalse();
        assertThat(room.waitingSince).as("the queue position is history").isEqualTo(OPENED);
    }

    private static Room heldAwaitingReply() {
        Room room = waiting();
        RoomTransitions.assign(room, "agent-a", OPENED.plusSeconds(10));
        room.awaitingReply = true;
        return room;
    }

    private static Room waiting() {
        Room room = new Room();
        room.state = RoomState.WAITING;
        room.customerId = "customer-1";
        room.openCustomer = "customer-1";
        room.waitingSince = OPENED;
        room.createdAt = OPENED;
        return room;
    }
}
