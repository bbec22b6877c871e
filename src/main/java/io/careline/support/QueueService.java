package io.careline.support;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.support.api.QueuePage;
import io.careline.support.api.RoomEvent;
import io.careline.support.api.RoomView;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.QueueRow;
import io.careline.support.model.Room;
import io.careline.support.model.RoomKey;
import io.careline.support.model.RoomRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A desk's queue: its waiting rooms oldest first, and the atomic claim. Claims of one room take turns on its
 * session's lock and read the room afresh under it, so exactly one wins and the others get ROOM_ALREADY_CLAIMED.
 */
@ApplicationScoped
public class QueueService {
    /** Waiting rooms a claim of the next one locks at most, oldest first (it takes the first whose session is free). */
    static final int NEXT_CANDIDATES = 5;

    @Inject
    DeskService deskService;

    @Inject
    DeskRepository desks;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    RoomRepository rooms;

    @Inject
    RoomService roomService;

    @Inject
    UserService users;

    @Inject
    Handover handover;

    /** The desk's waiting rooms, for those who work there and managers. */
    @Transactional
    public QueuePage queue(Caller caller, String deskId, int limit, String cursor) {
        Desk desk = deskService.visible(caller, deskId);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, 2);
        KeysetPage<QueueRow> page = KeysetPage.of(rooms.waiting(desk.pk,
                after == null ? null : Times.fromMicros(after.get(0)), after == null ? null : after.get(1), limit + 1),
                limit);
        Instant now = Times.now();
        Map<String, String> names = users.displayNamesIn(caller.tenant(), page.map(QueueRow::customerId));
        List<QueuePage.Item> items = page.map(room -> new QueuePage.Item(room.sessionId(), room.customerId(),
                names.get(room.customerId()), room.waitingSince(), secondsBetween(room.waitingSince(), now),
                room.awaitingReply()));
        Long oldest = page.items().isEmpty() || after != null ? null
                : secondsBetween(page.items().get(0).waitingSince(), now);
        return new QueuePage(desk.deskId, rooms.waitingCount(desk.pk), oldest, items,
                page.nextCursor(last -> PageCursor.of(Times.toMicros(last.waitingSince()), last.pk())));
    }

    /**
     * The calling agent takes a waiting room: 201, or 200 when they already hold it. Another agent's room is
     * ROOM_ALREADY_CLAIMED; only the desk's agents claim (everyone else: no such room).
     */
    @Transactional
    public Outcome<RoomView> claim(Caller caller, String sessionId) {
        RoomKey key = rooms.keyOf(sessionId).orElseThrow(RoomService::notFound);
        Desk desk = desks.findById(key.deskPk());
        if (deskAgents.find(desk.pk, caller.userId()).isEmpty()) {
            throw RoomService.notFound();
        }
        Handover.Locked locked = handover.lock(caller, sessionId, key);
        Room room = locked.room();
        switch (room.state) {
            case ENDED -> throw new DomainException(ErrorCode.ROOM_ENDED, "This room has ended.");
            case ASSIGNED -> {
                if (caller.userId().equals(room.agentId)) {
                    return Outcome.existing(roomService.views(List.of(room)).get(0));
                }
                throw new DomainException(ErrorCode.ROOM_ALREADY_CLAIMED, "Another agent took this room first.");
            }
            case WAITING -> {
                handover.requireCapacity(desk, caller.userId());
                handover.assign(locked, desk, caller.userId(), caller.userId(), RoomEvent.CLAIMED);
            }
        }
        return Outcome.created(roomService.views(List.of(room)).get(0));
    }

    /**
     * The calling agent takes the desk's oldest waiting room that no one else is taking at this moment: rooms
     * another claim holds, and rooms whose session a send holds, are skipped, not waited for, so agents taking
     * "the next one" do not race. Empty when nothing waits; CONFLICT (retryable) when every waiting room it
     * found was busy.
     */
    @Transactional
    public Optional<RoomView> claimNext(Caller caller, String deskId) {
        Desk desk = deskService.require(deskId);
        if (deskAgents.find(desk.pk, caller.userId()).isEmpty()) {
            throw DeskService.notFound();
        }
        handover.requireCapacity(desk, caller.userId());
        List<RoomKey> free = rooms.lockOldestFree(desk.pk, NEXT_CANDIDATES);
        for (RoomKey key : free) {
            Optional<Handover.Locked> locked = handover.lockUnlessBusy(caller, key.sessionId(), key);
            if (locked.isPresent()) {
                handover.assign(locked.get(), desk, caller.userId(), caller.userId(), RoomEvent.CLAIMED);
                return Optional.of(roomService.views(List.of(locked.get().room())).get(0));
            }
        }
        if (free.isEmpty() && rooms.waitingCount(desk.pk) == 0) {
            return Optional.empty();
        }
        throw new DomainException(ErrorCode.CONFLICT, "Other agents are taking the waiting rooms; try again.");
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
