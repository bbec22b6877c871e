package io.careline.support;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.support.api.DeskAgentRequest;
import io.careline.support.api.DeskAgentView;
import io.careline.support.api.DeskRequest;
import io.careline.support.api.DeskView;
import io.careline.support.api.Routing;
import io.careline.support.model.AgentRepository;
import io.careline.support.model.AgentStatus;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgent;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desks and who works at them: managed by services and admins, read by the desk's agents too. */
@ApplicationScoped
public class DeskService {
    static final int DEFAULT_CAPACITY = 5;

    @Inject
    DeskRepository desks;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    AgentRepository agents;

    @Inject
    RoomRepository rooms;

    @Transactional
    public Outcome<DeskView> put(Caller caller, String deskId, DeskRequest request) {
        requireManager(caller);
        Instant now = Times.now();
        Desk desk = desks.findByDeskId(deskId).orElse(null);
        boolean created = desk == null;
        if (created) {
            desk = new Desk();
            desk.deskId = deskId;
            desk.createdAt = now;
        }
        desk.name = request.name();
        desk.assistantId = request.assistantId();
        desk.routing = Objects.requireNonNullElse(request.routing(), Routing.MANUAL);
        desk.capacity = Objects.requireNonNullElse(request.capacity(), DEFAULT_CAPACITY);
        desk.firstResponseMinutes = request.firstResponseMinutes();
        desk.updatedAt = now;
        if (created) {
            desks.persist(desk);
        }
        return new Outcome<>(DeskView.of(desk), created);
    }

    @Transactional
    public List<DeskView> list(Caller caller) {
        List<Desk> all = desks.listAll();
        if (caller.isManager()) {
            return all.stream().map(DeskView::of).toList();
        }
        List<Long> mine = deskAgents.desksOf(caller.userId());
        return all.stream().filter(desk -> mine.contains(desk.pk)).map(DeskView::of).toList();
    }

    @Transactional
    public DeskView get(Caller caller, String deskId) {
        return DeskView.of(visible(caller, deskId));
    }

    @Transactional
    public Outcome<DeskAgentView> putAgent(Caller caller, String deskId, String agentId, DeskAgentRequest request) {
        requireManager(caller);
        Desk desk = require(deskId);
        DeskAgent member = deskAgents.find(desk.pk, agentId).orElse(null);
        boolean created = member == null;
        if (created) {
            member = new DeskAgent();
            member.deskPk = desk.pk;
            member.agentId = agentId;
        }
        member.supervisor = Boolean.TRUE.equals(request.supervisor());
        if (created) {
            deskAgents.persist(member);
        }
        return new Outcome<>(view(member, rooms.loads(desk.pk), agents.statuses(List.of(agentId))), created);
    }

    @Transactional
    public void removeAgent(Caller caller, String deskId, String agentId) {
        requireManager(caller);
        Desk desk = require(deskId);
        deskAgents.delete(deskAgents.find(desk.pk, agentId)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "No such agent at this desk.")));
    }

    @Transactional
    public List<DeskAgentView> agents(Caller caller, String deskId) {
        Desk desk = visible(caller, deskId);
        Map<String, Long> loads = rooms.loads(desk.pk);
        List<DeskAgent> members = deskAgents.of(desk.pk);
        Map<String, AgentStatus> statuses = agents.statuses(members.stream().map(m -> m.agentId).toList());
        return members.stream().map(member -> view(member, loads, statuses)).toList();
    }

    /** The desk if the caller may see it: managers, and those who work there; 404 for everyone else. */
    Desk visible(Caller caller, String deskId) {
        Desk desk = require(deskId);
        if (!caller.isManager() && deskAgents.find(desk.pk, caller.userId()).isEmpty()) {
            throw notFound();
        }
        return desk;
    }

    Desk require(String deskId) {
        return desks.findByDeskId(deskId).orElseThrow(DeskService::notFound);
    }

    private static DeskAgentView view(DeskAgent member, Map<String, Long> loads, Map<String, AgentStatus> statuses) {
        return new DeskAgentView(member.agentId, member.supervisor,
                statuses.getOrDefault(member.agentId, AgentStatus.OFFLINE), loads.getOrDefault(member.agentId, 0L));
    }

    private static void requireManager(Caller caller) {
        if (!caller.isManager()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only services and admins manage support desks.");
        }
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.DESK_NOT_FOUND, "No such support desk.");
    }
}
