package io.careline.push.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The current tenant's rules. */
@ApplicationScoped
public class PushRuleRepository implements PanacheRepositoryBase<PushRule, Long> {

    public List<PushRule> all() {
        return list("order by scenario");
    }

    public Optional<PushRule> byPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    public Optional<PushRule> byScenario(String scenario) {
        return find("scenario", scenario).firstResultOptional();
    }

    /** The enabled rules about an entity kind; states are matched by the caller. */
    public List<PushRule> enabledFor(String entity) {
        return list("entity = ?1 and enabled = true order by scenario", entity);
    }
}
