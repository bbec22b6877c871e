package io.careline.consultation.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.SqlTime;
import io.careline.consultation.api.ConsultationHoursView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The consultation_hours table: a doctor's weekly windows as JSON, per tenant (plain SQL, the tenant bound). */
@ApplicationScoped
public class ConsultationHoursStore {
    private static final TypeReference<List<ConsultationHoursView.Window>> WINDOWS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public void put(String tenant, String doctorId, ConsultationHoursView hours, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO consultation_hours (tenant_id, user_id, time_zone, windows, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON DUPLICATE KEY UPDATE time_zone = VALUES(time_zone), windows = VALUES(windows),
                  updated_at = VALUES(updated_at)""").setParameter(1, tenant).setParameter(2, doctorId)
                .setParameter(3, hours.timeZone()).setParameter(4, json(hours.windows()))
                .setParameter(5, SqlTime.text(at)).executeUpdate();
    }

    /** The hours of those of the doctors who have set them. */
    public Map<String, ConsultationHoursView> of(String tenant, List<String> doctorIds) {
        Map<String, ConsultationHoursView> hours = new HashMap<>();
        if (doctorIds.isEmpty()) {
            return hours;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT user_id, time_zone, windows FROM consultation_hours WHERE tenant_id = ?1 AND user_id IN (?2)""")
                .setParameter(1, tenant).setParameter(2, doctorIds).getResultList();
        for (Object[] row : rows) {
            try {
                hours.put((String) row[0], new ConsultationHoursView((String) row[1],
                        mapper.readValue((String) row[2], WINDOWS)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored consultation hours unreadable", e);
            }
        }
        return hours;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are always serialisable", e);
        }
    }
}
