package io.careline.consultation;

import io.careline.common.UtcDateTimeConverter;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.consultation.api.DoctorSettingsView;
import io.careline.consultation.model.DoctorSettingsRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** What kinds of consultation each doctor takes and their first-response target: read by anyone, set by the doctor. */
@ApplicationScoped
public class DoctorSettingsService {
    private static final UtcDateTimeConverter TIME = new UtcDateTimeConverter();

    @Inject
    DoctorSettingsRepository settings;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Transactional
    public DoctorSettingsView get(Caller caller, String doctorId) {
        requireDoctor(caller, doctorId);
        return of(doctorId);
    }

    /** Replaces the settings: the doctor themselves, a service or an admin. */
    @Transactional
    public DoctorSettingsView put(Caller caller, String doctorId, DoctorSettingsView view) {
        if (!caller.isManager() && !caller.userId().equals(doctorId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the doctor, a service or an admin sets these.");
        }
        requireDoctor(caller, doctorId);
        // One statement, so that two first settings at once do not collide on the unique key.
        settings.getEntityManager().createNativeQuery("""
                INSERT INTO doctor_settings (tenant_id, doctor_id, accepts_text, accepts_phone, accepts_video,
                                             first_response_minutes, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON DUPLICATE KEY UPDATE accepts_text = VALUES(accepts_text), accepts_phone = VALUES(accepts_phone),
                  accepts_video = VALUES(accepts_video), first_response_minutes = VALUES(first_response_minutes),
                  updated_at = VALUES(updated_at)""").setParameter(1, caller.tenant()).setParameter(2, doctorId)
                .setParameter(3, view.text()).setParameter(4, view.phone()).setParameter(5, view.video())
                .setParameter(6, view.firstResponseMinutes())
                .setParameter(7, TIME.convertToDatabaseColumn(clock.instant())).executeUpdate();
        return view;
    }

    /** The doctor's settings, or the defaults when they never set any (in the caller's transaction). */
    DoctorSettingsView of(String doctorId) {
        return settings.findByDoctor(doctorId).map(DoctorSettingsView::of).orElse(DoctorSettingsView.DEFAULT);
    }

    /** Refuses (404) an id whose profile in the caller's tenant is not a doctor's. */
    void requireDoctor(Caller caller, String doctorId) {
        if (!users.hasRole(caller.tenant(), doctorId, Role.DOCTOR)) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "No doctor with this id.");
        }
    }
}
