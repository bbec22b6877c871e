package io.careline.support;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.Access;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.SessionAccess;
import io.careline.conversation.SessionService;
import io.careline.support.api.RoomEvent;
import io.careline.support.event.RoomAssigned;
import io.careline.support.model.Desk;
import io.careline.support.model.Room;
import io.careline.support.model.RoomHistory;
import io.careline.support.model.RoomHistoryRepository;
import io.careline.support.model.RoomKey;
import io.careline.support.model.RoomRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves a room from one state to the next with everything that goes with it: the agent joining or leaving its
 * session (an agent is a member only while holding it), the room's history, the desk's queue frames (after
 * commit, {@link QueueAnnouncer}), the customer's assigned frame and the wait metric. Callers lock with {@link #lock}: the session, then the room.
 */
@ApplicationScoped
class Handover {
    @Inject
    SessionAccess sessionAccess;

    @Inject
    SessionService sessions;

    @Inject
    ParticipantService participants;

    @Inject
    RoomRepository rooms;

    @Inject
    RoomHistoryRepository history;

    @Inject
    UserService users;

    @Inject
    SupportMetrics metrics;

    @Inject
    Event<RoomMoved> moves;

    @Inject
    Event<RoomAssigned> assignments;

    /** A room and its session, both locked until commit. */
    record Locked(Access session, Room room) {
    }

    /** Locks the room's session, then the room (the order every writer of a room keeps), and reads it afresh. */
    Locked lock(Caller actor, String sessionId, RoomKey key) {
        Access session = sessionAccess.lockedFor(actor, sessionId).orElseThrow(RoomService::notFound);
        return new Locked(session, rooms.lock(key.pk()));
    }

    /** Like {@link #lock}, but empty at once when another transaction holds the room's session. */
    Optional<Locked> lockUnlessBusy(Caller actor, String sessionId, RoomKey key) {
        return sessionAccess.lockedForUnlessBusy(actor, sessionId)
                .map(session -> new Locked(session, rooms.lock(key.pk())));
    }

    /** Refuses an agent who already holds as many of the desk's rooms as it allows. */
    void requireCapacity(Desk desk, String agentId) {
        if (rooms.heldBy(desk.pk, agentId) >= desk.capacity) {
            throw new DomainException(ErrorCode.AGENT_AT_CAPACITY,
                    "The agent already holds " + desk.capacity + " rooms of this desk.");
        }
    }

    /** A new room waits. */
    void opened(Desk desk, Room room, String actorId) {
        record(room, RoomEvent.WAITING, actorId, null, room.createdAt);
        announce(desk, room, RoomEvent.WAITING);
    }

    /** Gives a waiting or held room to an agent; the agent who held it, if any, leaves its session. */
    void assign(Locked locked, Desk desk, String agentId, String actorId, RoomEvent event) {
        Room room = locked.room();
        Instant now = Times.now();
        if (room.agentId != null) {
            participants.dismiss(locked.session(), room.agentId);
        }
        RoomTransitions.assign(room, agentId, now).ifPresent(metrics::waited);
        participants.admit(locked.session(), agentId, Role.AGENT);
        record(room, event, actorId, agentId, now);
        assignments.fire(new RoomAssigned(room.tenantId, room.sessionId, room.customerId, agentId,
                users.displayNamesIn(room.tenantId, List.of(agentId)).get(agentId)));
        announce(desk, room, event);
    }

    /** Takes the room from its agent: back to the queue (released) or ended for good (finished, session closed). */
    void vacate(Locked locked, Desk desk, String actorId, RoomEvent event) {
        Room room = locked.room();
        Instant now = Times.now();
        String agentId = room.agentId;
        if (agentId != null) {
            participants.dismiss(locked.session(), agentId);
        }
        RoomTransitions.vacate(room, event == RoomEvent.FINISHED, now);
        if (event == RoomEvent.FINISHED) {
            sessions.close(locked.session());
        }
        record(room, event, actorId, agentId, now);
        announce(desk, room, event);
    }

    private void record(Room room, RoomEvent event, String actorId, String agentId, Instant at) {
        RoomHistory entry = new RoomHistory();
        entry.roomPk = room.pk;
        entry.event = event;
        entry.actorId = actorId;
        entry.agentId = agentId;
        entry.at = at;
        history.persist(entry);
    }

    private void announce(Desk desk, Room room, RoomEvent event) {
        moves.fire(new RoomMoved(room.tenantId, desk.pk, desk.deskId, room.sessionId, event));
    }
}
