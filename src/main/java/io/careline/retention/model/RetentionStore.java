package io.careline.retention.model;

import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * What the purge reads and writes across tenants, in native SQL with each row's own tenant bound: the
 * scheduler runs outside any request, where Hibernate's tenant filter would pick one tenant.
 */
@ApplicationScoped
public class RetentionStore {
    @Inject
    EntityManager entityManager;

    /** A tenant's policy as the purge applies it. */
    public record Policy(String tenant, String scope, int keepDays) {
    }

    public List<Policy> allPolicies() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT tenant_id, scope, keep_days FROM retention_policies ORDER BY tenant_id, scope", Object[].class)
                .getResultList();
        return rows.stream().map(row -> new Policy((String) row[0], (String) row[1], ((Number) row[2]).intValue()))
                .toList();
    }

    public void log(Policy policy, Instant cutoff, int purged, String node, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO retention_log (tenant_id, scope, cutoff, purged, node, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, policy.tenant()).setParameter(2, policy.scope())
                .setParameter(3, SqlTime.text(cutoff)).setParameter(4, purged).setParameter(5, node)
                .setParameter(6, SqlTime.text(at)).executeUpdate();
    }
}
