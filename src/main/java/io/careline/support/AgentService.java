package io.careline.support;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.support.api.AgentView;
import io.careline.support.api.Routing;
import io.careline.support.model.Agent;
import io.careline.support.model.AgentRepository;
import io.careline.support.model.AgentStatus;
import io.careline.support.model.Desk;
import io.careline.support.model.DeskAgentRepository;
import io.careline.support.model.DeskRepository;
import io.careline.support.model.RoomRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** An agent's own status (online, away, offline) and load; coming online at an auto desk takes waiting rooms. */
@ApplicationScoped
public class AgentService {
    @Inject
    AgentRepository agents;

    @Inject
    DeskAgentRepository deskAgents;

    @Inject
    DeskRepository desks;

    @Inject
    RoomRepository rooms;

    @Inject
    AutoRouter router;

    public AgentView me(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> view(caller, desksOf(caller)));
    }

    /** Sets the status; once it commits, an agent now online fills their places at auto desks. */
    public AgentView setStatus(Caller caller, AgentStatus status) {
        List<Desk> mine = QuarkusTransaction.requiringNew().call(() -> {
            List<Desk> desksOfAgent = desksOf(caller);
            Agent agent = agents.findByAgentId(caller.userId()).orElse(null);
            boolean created = agent == null;
            if (created) {
                agent = new Agent();
                agent.agentId = caller.userId();
            }
            agent.status = status;
            agent.updatedAt = Times.now();
            if (created) {
                agents.persist(agent);
            }
            return desksOfAgent;
        });
        if (status == AgentStatus.ONLINE) {
            mine.stream().filter(desk -> desk.routing == Routing.AUTO).forEach(desk -> router.fill(caller, desk));
        }
        return me(caller);
    }

    private List<Desk> desksOf(Caller caller) {
        List<Long> deskPks = deskAgents.desksOf(caller.userId());
        if (deskPks.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "You work at no support desk.");
        }
        return desks.list("pk in ?1 order by deskId", deskPks);
    }

    private AgentView view(Caller caller, List<Desk> mine) {
        AgentStatus status = agents.findByAgentId(caller.userId()).map(a -> a.status).orElse(AgentStatus.OFFLINE);
        return new AgentView(caller.userId(), status, mine.stream()
                .map(desk -> new AgentView.Load(desk.deskId, rooms.heldBy(desk.pk, caller.userId()), desk.capacity))
                .toList());
    }
}
