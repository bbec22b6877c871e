package io.careline.support;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.Access;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.SessionService;
import io.careline.conversation.api.SessionType;
import io.careline.support.api.OpenRoomRequest;
import io.careline.support.api.RoomList;
import io.careline.support.api.RoomState;
import io.careline.support.api.RoomView;
import io.careline.support.api.Routing;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.Room;
import io.careline.support.model.RoomRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Customers' rooms (seed 004's login: a room per customer and desk): opened at a desk or answered by the open
 * one, read by the customer, the agent holding it, the desk's supervisors and managers, listed with their flags.
 */
@ApplicationScoped
public class RoomService {
    /** Most rooms a list answers: an agent holds a desk's capacity at most, a customer few. */
    static final int LIST_LIMIT = 100;

    @Inject
    DeskService deskService;

    @Inject
    DeskRepository desks;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    RoomRepository rooms;

    @Inject
    SessionService sessions;

    @Inject
    ParticipantService participants;

    @Inject
    UserService users;

    @Inject
    Handover handover;

    @Inject
    AutoRouter router;

    /**
     * The customer's open room at the desk (200), or a new waiting one in a new support session with the desk's
     * assistant (201), routed at once at an auto desk. One customer's opens take turns on their profile's lock.
     */
    @Transactional
    public Outcome<RoomView> open(Caller caller, OpenRoomRequest request) {
        String customerId = Objects.requireNonNullElse(request.customerId(), caller.userId());
        if (!customerId.equals(caller.userId()) && !caller.isManager()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only services and admins open rooms for someone else.");
        }
        Desk desk = deskService.require(request.deskId());
        if (!users.lockProfile(caller.tenant(), customerId)) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "No such customer.");
        }
        Room open = rooms.openOf(desk.pk, customerId).orElse(null);
        if (open != null) {
            return Outcome.existing(views(List.of(open)).get(0));
        }
        Role role = Objects.requireNonNullElse(users.rolesIn(caller.tenant(), List.of(customerId)).get(customerId),
                Role.PATIENT);
        Caller customer = new Caller(caller.tenant(), customerId, Set.of(role), null, caller.connectionId());
        Map<String, Role> members = new LinkedHashMap<>();
        members.put(customerId, role);
        members.put(desk.assistantId, Role.AGENT);
        Access session = sessions.ensure(customer, "support-" + UUID.randomUUID().toString().replace("-", ""),
                SessionType.SUPPORT, desk.name, members);
        Instant now = Times.now();
        Room room = new Room();
        room.sessionPk = session.sessionPk();
        room.sessionId = session.sessionId();
        room.deskPk = desk.pk;
        room.customerId = customerId;
        room.openCustomer = customerId;
        room.state = RoomState.WAITING;
        room.waitingSince = now;
        room.createdAt = now;
        room.responseDueAt = desk.firstResponseMinutes == null ? null
                : now.plus(Duration.ofMinutes(desk.firstResponseMinutes));
        rooms.persist(room);
        handover.opened(desk, room, caller.userId());
        if (desk.routing == Routing.AUTO) {
            router.route(new Handover.Locked(session, room), desk, null);
        }
        return Outcome.created(views(List.of(room)).get(0));
    }

    @Transactional
    public RoomView get(Caller caller, String sessionId) {
        Room room = rooms.keyOf(sessionId).map(key -> rooms.findById(key.pk())).orElseThrow(RoomService::notFound);
        boolean mayRead = caller.isManager() || caller.userId().equals(room.customerId)
                || caller.userId().equals(room.agentId)
                || deskAgents.find(room.deskPk, caller.userId()).filter(member -> member.supervisor).isPresent();
        if (!mayRead) {
            throw notFound();
        }
        return views(List.of(room)).get(0);
    }

    /** The caller's own rooms as a customer, newest first. */
    @Transactional
    public RoomList mine(Caller caller) {
        return new RoomList(views(rooms.ofCustomer(caller.userId(), LIST_LIMIT)));
    }

    /** The rooms the calling agent holds, or only those awaiting their reply, longest waiting first. */
    @Transactional
    public RoomList held(Caller caller, boolean awaitingReplyOnly) {
        return new RoomList(views(rooms.heldBy(caller.userId(), awaitingReplyOnly, LIST_LIMIT)));
    }

    /** Views of rooms with their desks and both sides' read positions, in two queries whatever their number. */
    List<RoomView> views(List<Room> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        String tenant = list.get(0).tenantId;
        Map<Long, String> deskIds = new HashMap<>();
        list.stream().map(r -> r.deskPk).distinct().forEach(pk -> deskIds.put(pk, desks.findById(pk).deskId));
        Map<Long, Map<String, Long>> reads = participants.readPositions(tenant,
                list.stream().map(r -> r.sessionPk).toList());
        return list.stream().map(room -> {
            Map<String, Long> read = reads.getOrDefault(room.sessionPk, Map.of());
            return new RoomView(room.sessionId, deskIds.get(room.deskPk), room.customerId, room.state, room.agentId,
                    room.awaitingReply, room.waitingSince, room.assignedAt, room.firstResponseAt, room.endedAt,
                    read.get(room.customerId), room.agentId == null ? null : read.get(room.agentId));
        }).toList();
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.SUPPORT_ROOM_NOT_FOUND, "No such support room.");
    }
}
