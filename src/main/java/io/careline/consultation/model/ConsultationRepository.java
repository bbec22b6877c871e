package io.careline.consultation.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Consultations of the current tenant, and the statements that keep their status in step with their topic. */
@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, Long> {

    @Inject
    AgroalDataSource dataSource;

    /** A consultation's row once overdue: what escalating it needs. */
    public record Overdue(long pk, String tenant, String consultationId, String sessionId, String doctorId) {
    }

    public Optional<Consultation> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    /** The list's page, newest first, keyset after (startedAt, pk). */
    public List<Consultation> page(ConsultationFilter filter, Instant afterStartedAt, Long afterPk, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        if (afterPk != null) {
            where += " and (c.startedAt < :at or (c.startedAt = :at and c.pk < :pk))";
            parameters.put("at", afterStartedAt);
            parameters.put("pk", afterPk);
        }
        TypedQuery<Consultation> query = getEntityManager().createQuery("from Consultation c where " + where
                + " order by c.startedAt desc, c.pk desc", Consultation.class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The list's counts by status and replied flag (its status filter ignored: the workbench shows all four). */
    public List<ConsultationCount> counts(ConsultationFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter.withoutStatus(), parameters);
        TypedQuery<ConsultationCount> query = getEntityManager().createQuery(
                "select new io.careline.consultation.model.ConsultationCount(c.status, c.replied, count(c))"
                        + " from Consultation c where " + where + " group by c.status, c.replied",
                ConsultationCount.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Follows a topic's first clinician reply or its end, in the topic's transaction (JDBC, tenant bound: a
     * grouped send has no request, so no tenant for Hibernate). Not a consultation's topic: nothing changes.
     */
    public void follow(String tenant, String topicId, ConsultationStatus status, Instant at) {
        String set = status == ConsultationStatus.REPLYING
                ? "status = 'REPLYING', replied = TRUE, first_reply_at = ? WHERE status = 'NEW'"
                : "status = 'ENDED', ended_at = ? WHERE status <> 'ENDED'";
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE consultations SET " + set + " AND tenant_id = ? AND public_id = ?")) {
            update.setString(1, SqlTime.text(at));
            update.setString(2, tenant);
            update.setString(3, topicId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("following a topic's change failed", e);
        }
    }

    /** Unanswered consultations past their response target and not escalated yet, of every tenant. */
    public List<Overdue> overdue(Instant now, int limit) {
        List<Overdue> overdue = new ArrayList<>();
        for (Object row : getEntityManager().createNativeQuery("""
                SELECT pk, tenant_id, public_id, session_id, doctor_id FROM consultations
                WHERE status = 'NEW' AND escalated_at IS NULL AND response_due_at <= ?1
                ORDER BY response_due_at LIMIT ?2""").setParameter(1, SqlTime.text(now))
                .setParameter(2, limit).getResultList()) {
            Object[] columns = (Object[]) row;
            overdue.add(new Overdue(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    (String) columns[3], (String) columns[4]));
        }
        return overdue;
    }

    /** Marks one escalated; false when another node did first (or it was answered meanwhile). */
    public boolean markEscalated(long pk, Instant at) {
        return getEntityManager().createNativeQuery("""
                UPDATE consultations SET escalated_at = ?1 WHERE pk = ?2 AND escalated_at IS NULL AND status = 'NEW'""")
                .setParameter(1, SqlTime.text(at)).setParameter(2, pk).executeUpdate() == 1;
    }

    private static String where(ConsultationFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        if (filter.doctorId() != null) {
            conditions.add("c.doctorId = :doctor");
            parameters.put("doctor", filter.doctorId());
        }
        if (filter.patientId() != null) {
            conditions.add("c.patientId = :patient");
            parameters.put("patient", filter.patientId());
        }
        if (filter.kind() != null) {
            conditions.add("c.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            parameters.put("status", filter.status());
        }
        return String.join(" and ", conditions);
    }
}
