package io.careline.consultation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.consultation.api.ConsultationHoursView;
import io.careline.consultation.model.ConsultationHoursStore;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    @Inject
    ConsultationHoursStore store;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Transactional
    public ConsultationHoursView get(Caller caller, String doctorId) {
        requireDoctor(caller, doctorId);
        return store.of(caller.tenant(), List.of(doctorId)).getOrDefault(doctorId,
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
        store.put(caller.tenant(), doctorId, hours, Instant.now(clock));
        return hours;
    }

    /** When each doctor may first hear of a new consultation asked at {@code at} (no caller: tenant bound). */
    public Map<String, Instant> nextOpen(String tenant, List<String> doctorIds, Instant at) {
        Map<String, Instant> opens = new HashMap<>();
        Map<String, ConsultationHoursView> hours = store.of(tenant, doctorIds);
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
}
