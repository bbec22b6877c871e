package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Who works at which desk, in the current tenant. */
@ApplicationScoped
public class DeskAgentRepository implements PanacheRepositoryBase<DeskAgent, Long> {
    public Optional<DeskAgent> find(long deskPk, String agentId) {
        return find("deskPk = ?1 and agentId = ?2", deskPk, agentId).firstResultOptional();
    }

    public List<DeskAgent> of(long deskPk) {
        return list("deskPk = ?1 order by agentId", deskPk);
    }

    public List<String> agentIds(long deskPk) {
        return of(deskPk).stream().map(a -> a.agentId).toList();
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
