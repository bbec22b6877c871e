package io.careline.support;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.support.api.RoomEvent;
import io.careline.support.api.RoomState;
import io.careline.support.api.RoomView;
import io.careline.support.api.Routing;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgent;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.Room;
import io.careline.support.model.RoomKey;
import io.careline.support.model.RoomRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a held room: transferred to another of the desk's agents, released back to the queue, or
 * finished. The holding agent, the desk's supervisors and managers may do each; the customer may finish too.
 * At an auto desk a released room is routed again and an agent who finished takes the next waiting room.
 */
@ApplicationScoped
public class RoomLifecycle {
    @Inject
    DeskRepository desks;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    RoomRepository rooms;

    @Inject
    RoomService roomService;

    @Inject
    Handover handover;

    @Inject
    AutoRouter router;

    @Transactional
    public RoomView transfer(Caller caller, String sessionId, String agentId) {
        Held held = held(caller, sessionId, false);
        Room room = held.locked.room();
        requireHeld(room);
        if (deskAgents.find(held.desk.pk, agentId).isEmpty()) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "No such agent at this desk.");
        }
        if (!agentId.equals(room.agentId)) {
            handover.requireCapacity(held.desk, agentId);
            handover.assign(held.locked, held.desk, agentId, caller.userId(), RoomEvent.TRANSFERRED);
        }
        return roomService.views(List.of(room)).get(0);
    }

    @Transactional
    public RoomView release(Caller caller, String sessionId) {
        Held held = held(caller, sessionId, false);
        Room room = held.locked.room();
        requireHeld(room);
        String releasedBy = room.agentId;
        handover.vacate(held.locked, held.desk, caller.userId(), RoomEvent.RELEASED);
        if (held.desk.routing == Routing.AUTO) {
            router.route(held.locked, held.desk, releasedBy);
        }
        return roomService.views(List.of(room)).get(0);
    }

    /**
     * Ends the room and closes its session; finishing a finished room changes nothing. An agent who finished
     * their room at an auto desk then takes the next waiting one (after this commits).
     */
    public RoomView finish(Caller caller, String sessionId) {
        Desk[] freedAt = new Desk[1];
        RoomView view = QuarkusTransaction.requiringNew().call(() -> {
            Held held = held(caller, sessionId, true);
            Room room = held.locked.room();
            if (room.state != RoomState.ENDED) {
                boolean holderFinished = caller.userId().equals(room.agentId);
                handover.vacate(held.locked, held.desk, caller.userId(), RoomEvent.FINISHED);
                freedAt[0] = holderFinished && held.desk.routing == Routing.AUTO ? held.desk : null;
            }
            return roomService.views(List.of(room)).get(0);
        });
        if (freedAt[0] != null) {
            router.fill(caller, freedAt[0]);
        }
        return view;
    }

    /** A room locked for a change by someone who may make it. */
    private record Held(Handover.Locked locked, Desk desk) {
    }

    private Held held(Caller caller, String sessionId, boolean customerMay) {
        RoomKey key = rooms.keyOf(sessionId).orElseThrow(RoomService::notFound);
        Desk desk = desks.findById(key.deskPk());
        Optional<DeskAgent> member = deskAgents.find(desk.pk, caller.userId());
        boolean supervisor = member.filter(m -> m.supervisor).isPresent();
        boolean customer = customerMay && caller.userId().equals(key.customerId());
        boolean deskAgent = member.isPresent();
        if (!caller.isManager() && !supervisor && !customer && !deskAgent) {
            throw RoomService.notFound();
        }
        Handover.Locked locked = handover.lock(caller, sessionId, key);
        Room room = locked.room();
        boolean holder = caller.userId().equals(room.agentId);
        if (!caller.isManager() && !supervisor && !customer && !holder) {
            throw room.state == RoomState.ENDED ? new DomainException(ErrorCode.ROOM_ENDED, "This room has ended.")
                    : notHeld();
        }
        return new Held(locked, desk);
    }

    private static void requireHeld(Room room) {
        switch (room.state) {
            case ENDED -> throw new DomainException(ErrorCode.ROOM_ENDED, "This room has ended.");
            case WAITING -> throw notHeld();
            case ASSIGNED -> {
            }
        }
    }

    private static DomainException notHeld() {
        return new DomainException(ErrorCode.ROOM_NOT_HELD, "You do not hold this room.");
    }
}
