package io.careline.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.consultation.api.ConsultationHoursView;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Doctors' consultation hours: read by the tenant, edited by the doctor and by services and admins. */
@ApplicationScoped
public class ConsultationHoursService {
    private static final TypeReference<List<ConsultationHoursView.Window>> WINDOWS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    UserService users;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public ConsultationHoursView get(Caller caller, String doctorId) {
        requireDoctor(caller, doctorId);
        return read(caller.tenant(), List.of(doctorId)).getOrDefault(doctorId,
                new ConsultationHoursView("UTC", List.of()));
    }

    @Transactional
    public ConsultationHoursView put(Caller caller, String doctorId, ConsultationHoursView hours) {
        if (!caller.isManager() && !caller.userId().equals(doctorId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the doctor, a service or an admin edits these hours.");
        }
        requireDoctor(caller, doctorId);
        try {
            ZoneId.of(hours.timeZone());
        } catch (DateTimeException unknown) {
            throw DomainException.invalid("timeZone", "is not a known time zone");
        }
        for (int i = 0; i < hours.windows().size(); i++) {
            ConsultationHoursView.Window window = hours.windows().get(i);
            if (ConsultationHours.minutes(window.end()) <= ConsultationHours.minutes(window.start())) {
                throw DomainException.invalid("windows[" + i + "].end", "must be after start");
            }
        }
        String at = new UtcDateTimeConverter().convertToDatabaseColumn(Instant.now(clock));
        entityManager.createNativeQuery("""
                INSERT INTO consultation_hours (tenant_id, user_id, time_zone, windows, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON DUPLICATE KEY UPDATE time_zone = VALUES(time_zone), windows = VALUES(windows),
                  updated_at = VALUES(updated_at)""").setParameter(1, caller.tenant()).setParameter(2, doctorId)
                .setParameter(3, hours.timeZone()).setParameter(4, json(hours.windows())).setParameter(5, at)
                .executeUpdate();
        return hours;
    }

    /** When each doctor may first hear of a new consultation asked at {@code at} (no caller: tenant bound). */
    public Map<String, Instant> nextOpen(String tenant, List<String> doctorIds, Instant at) {
        Map<String, Instant> opens = new HashMap<>();
        Map<String, ConsultationHoursView> hours = read(tenant, doctorIds);
        for (String doctorId : doctorIds) {
            ConsultationHoursView view = hours.get(doctorId);
            opens.put(doctorId, view == null ? at
                    : new ConsultationHours(ZoneId.of(view.timeZone()), view.windows()).nextOpen(at));
        }
        return opens;
    }

    private void requireDoctor(Caller caller, String doctorId) {
        if (!users.hasRole(caller.tenant(), doctorId, Role.DOCTOR)) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "No doctor with this id.");
        }
    }

    private Map<String, ConsultationHoursView> read(String tenant, List<String> doctorIds) {
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
