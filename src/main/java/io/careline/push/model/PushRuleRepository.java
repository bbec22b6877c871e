package io.careline.push.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
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

    /** A rule's scenario and its texts as stored (JSON). */
    public record StoredTexts(String ruleId, String scenario, String templates) {
    }

    /** The texts of the tenant's rules of these public ids, without a caller (plain SQL, the tenant bound). */
    public List<StoredTexts> textsOf(String tenant, Collection<String> ruleIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT public_id, scenario, templates FROM push_rules WHERE tenant_id = ?1 AND public_id IN (?2)")
                .setParameter(1, tenant).setParameter(2, ruleIds).getResultList();
        return rows.stream().map(row -> new StoredTexts((String) row[0], (String) row[1], (String) row[2])).toList();
    }
}
