package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Agents' statuses in the current tenant. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, Long> {
    public Optional<Agent> findByAgentId(String agentId) {
        return find("agentId", agentId).firstResultOptional();
    }

    /** Row-locks the agent's status row (routing to one agent takes turns); false when they have none. */
    public boolean lock(String tenant, String agentId) {
        return !getEntityManager().createNativeQuery(
                "SELECT pk FROM support_agents WHERE tenant_id = ?1 AND agent_id = ?2 FOR UPDATE")
                .setParameter(1, tenant).setParameter(2, agentId).getResultList().isEmpty();
    }

    /** Agent id to status, for those of the agents who ever set one (one query). */
    public Map<String, AgentStatus> statuses(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Map.of();
        }
        return list("agentId in ?1", agentIds).stream().collect(Collectors.toMap(a -> a.agentId, a -> a.status));
    }

    /** Those of the agents whose status is online, in id order. */
    public List<String> onlineAmong(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        return list("agentId in ?1 and status = ?2 order by agentId", agentIds, AgentStatus.ONLINE).stream()
                .map(a -> a.agentId).toList();
    }
}
