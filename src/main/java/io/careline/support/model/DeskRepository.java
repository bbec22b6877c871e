package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Support desks of the current tenant. */
@ApplicationScoped
public class DeskRepository implements PanacheRepositoryBase<Desk, Long> {
    public Optional<Desk> findByDeskId(String deskId) {
        return find("deskId", deskId).firstResultOptional();
    }
}
