package io.careline.support.model;

import io.careline.common.TenantScopedEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Support desks of the current tenant. Looked up on every queue read and claim, so in native SQL: Hibernate
 * translates a tenant-filtered query anew each time, which costs more than the lookup.
 */
@ApplicationScoped
public class DeskRepository implements PanacheRepositoryBase<Desk, Long> {
    public Optional<Desk> findByDeskId(String deskId) {
        return getEntityManager().createNativeQuery("SELECT * FROM support_desks WHERE tenant_id = ?1 AND desk_id = ?2",
                Desk.class).setParameter(1, TenantScopedEntity.tenantOf(getEntityManager())).setParameter(2, deskId)
                .getResultStream().map(Desk.class::cast).findFirst();
    }
}
