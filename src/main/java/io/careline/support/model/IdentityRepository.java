package io.careline.support.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** External identities of the current tenant. */
@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<ExternalIdentity, Long> {
    public Optional<ExternalIdentity> find(String platform, String platformUserId) {
        return find("platform = ?1 and platformUserId = ?2", platform, platformUserId).firstResultOptional();
    }
}
