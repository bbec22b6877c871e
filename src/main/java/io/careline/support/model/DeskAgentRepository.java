package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Who works at which desk, in the current tenant. */
@ApplicationScoped
public class DeskAgentRepository implements PanacheRepositoryBase<DeskAgent, Long> {
    /** Native: asked on every queue read and claim (see {@link DeskRepository}); the desk's key is the tenant's. */
    public Optional<DeskAgent> find(long deskPk, String agentId) {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM support_desk_agents WHERE desk_pk = ?1 AND agent_id = ?2", DeskAgent.class)
                .setParameter(1, deskPk).setParameter(2, agentId).getResultStream().map(DeskAgent.class::cast)
                .findFirst();
    }

    public List<DeskAgent> of(long deskPk) {
        return list("deskPk = ?1 order by agentId", deskPk);
    }

    /** Native: asked for every change of the desk's queue. */
    @SuppressWarnings("unchecked")
    public List<String> agentIds(long deskPk) {
        return getEntityManager().createNativeQuery(
                "SELECT agent_id FROM support_desk_agents WHERE desk_pk = ?1 ORDER BY agent_id")
                .setParameter(1, deskPk).getResultList();
    }

    public List<String> supervisorIds(long deskPk) {
        return list("deskPk = ?1 and supervisor = true order by agentId", deskPk).stream().map(a -> a.agentId)
                .toList();
    }

    /** The desks the user works at. */
    public List<Long> desksOf(String agentId) {
        return list("agentId", agentId).stream().map(a -> a.deskPk).toList();
    }
}
