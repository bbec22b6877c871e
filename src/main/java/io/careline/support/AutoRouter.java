package io.careline.support;

import io.careline.common.security.Caller;
import io.careline.notification.OnlineUsers;
import io.careline.support.api.RoomEvent;
import io.careline.support.api.RoomState;
import io.careline.support.model.AgentRepository;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.RoomKey;
import io.careline.support.model.RoomRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * Auto routing: a desk's waiting room goes to the least-loaded agent who is online (by status and by a live
 * connection) and under the desk's capacity; an agent who comes online or frees a place takes the oldest waiting
 * rooms. The chosen agent's status row is locked while their load is counted, so two rooms routed at once never
 * take an agent past capacity.
 */
@ApplicationScoped
class AutoRouter {
    static final String ROUTER = "careline";

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    AgentRepository agents;

    @Inject
    RoomRepository rooms;

    @Inject
    OnlineUsers online;

    @Inject
    Handover handover;

    /** Assigns a locked waiting room at an auto desk, unless no agent can take it (it stays waiting). */
    void route(Handover.Locked locked, Desk desk, String excludedAgent) {
        List<String> candidates = agents.onlineAmong(deskAgents.agentIds(desk.pk)).stream()
                .filter(agentId -> !agentId.equals(excludedAgent)).toList();
        Set<String> connected = online.online(desk.tenantId, candidates).orElse(Set.copyOf(candidates));
        Map<String, Long> loads = rooms.loads(desk.pk);
        Optional<String> chosen = candidates.stream().filter(connected::contains)
                .sorted(Comparator.comparingLong((String agentId) -> loads.getOrDefault(agentId, 0L))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(agentId -> hasRoom(desk, agentId)).findFirst();
        chosen.ifPresent(agentId -> handover.assign(locked, desk, agentId, ROUTER, RoomEvent.CLAIMED));
    }

    /**
     * Gives an agent the desk's oldest waiting rooms up to its capacity (after they came online or freed a place),
     * one transaction per room: each reads the queue afresh, so a room another agent just took is not seen again.
     */
    void fill(Caller agent, Desk desk) {
        for (int taken = 0; taken < desk.capacity; taken++) {
            if (!QuarkusTransaction.requiringNew().call(() -> takeOldest(agent, desk))) {
                return;
            }
        }
    }

    private boolean takeOldest(Caller agent, Desk desk) {
        if (!hasRoom(desk, agent.userId())) {
            return false;
        }
        for (String sessionId : rooms.oldestWaiting(desk.pk, 1)) {
            Optional<RoomKey> key = rooms.keyOf(sessionId);
            if (key.isPresent()) {
                Handover.Locked locked = handover.lock(agent, sessionId, key.get());
                if (locked.room().state == RoomState.WAITING) {
                    handover.assign(locked, desk, agent.userId(), ROUTER, RoomEvent.CLAIMED);
                }
                return true;
            }
        }
        return false;
    }

    private boolean hasRoom(Desk desk, String agentId) {
        return agents.lock(desk.tenantId, agentId) && rooms.heldBy(desk.pk, agentId) < desk.capacity;
    }
}
