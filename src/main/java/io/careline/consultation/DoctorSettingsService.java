package io.careline.consultation;

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
        settings.put(caller.tenant(), doctorId, view.text(), view.phone(), view.video(), view.firstResponseMinutes(),
                clock.instant());
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
