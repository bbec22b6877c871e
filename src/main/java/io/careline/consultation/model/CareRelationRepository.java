package io.careline.consultation.model;

import io.careline.common.SqlTime;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Care relations of the current tenant. Native statements bind the tenant themselves (Hibernate's filter does
 * not reach them): the relation's insert-if-absent and its row lock, and the filtered list.
 */
@ApplicationScoped
public class CareRelationRepository implements PanacheRepositoryBase<CareRelation, Long> {

    public Optional<CareRelation> find(String doctorId, String patientId) {
        return find("doctorId = ?1 and patientId = ?2", doctorId, patientId).firstResultOptional();
    }

    /** Creates the pair's relation unless it exists; whether this call created it. */
    public boolean insertIfAbsent(String tenant, String doctorId, String patientId, ConsultationSource source,
            Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT IGNORE INTO care_relations (tenant_id, doctor_id, patient_id, source, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5)""").setParameter(1, tenant).setParameter(2, doctorId)
                .setParameter(3, patientId).setParameter(4, source.name())
                .setParameter(5, SqlTime.text(now)).executeUpdate() == 1;
    }

    /** The pair's relation, row-locked until commit: initiates for one pair take turns here. */
    public Optional<CareRelation> lock(String tenant, String doctorId, String patientId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT * FROM care_relations WHERE tenant_id = ?1 AND doctor_id = ?2 AND patient_id = ?3 FOR UPDATE""",
                CareRelation.class).setParameter(1, tenant).setParameter(2, doctorId).setParameter(3, patientId)
                .getResultList();
        return rows.stream().map(CareRelation.class::cast).findFirst();
    }

    /** A doctor's patients matching the filter, most recently changed first, keyset after (updatedAt, pk). */
    public List<CareRelation> page(String tenant, String doctorId, CareRelationFilter filter, Instant afterUpdatedAt,
            Long afterPk, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(tenant, doctorId));
        StringBuilder sql = new StringBuilder("SELECT r.* FROM care_relations r WHERE r.tenant_id = ? AND r.doctor_id = ?");
        if (filter.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM care_relation_tags t WHERE t.relation_pk = r.pk AND t.tag = ?)");
            parameters.add(filter.tag());
        }
        if (filter.group() != null) {
            sql.append(" AND (r.`groups` & ?) <> 0");
            parameters.add(filter.group().bit());
        }
        if (filter.followed() != null) {
            sql.append(" AND r.followed = ?");
            parameters.add(filter.followed());
        }
        if (filter.blocked() != null) {
            sql.append(" AND r.blocked = ?");
            parameters.add(filter.blocked());
        }
        if (afterPk != null) {
            sql.append(" AND (r.updated_at < ? OR (r.updated_at = ? AND r.pk < ?))");
            String at = SqlTime.text(afterUpdatedAt);
            parameters.addAll(List.of(at, at, afterPk));
        }
        sql.append(" ORDER BY r.updated_at DESC, r.pk DESC LIMIT ?");
        parameters.add(limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), CareRelation.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList().stream().map(CareRelation.class::cast).toList();
    }
}
