package io.careline.consultation.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Doctors' consultation settings of the current tenant. */
@ApplicationScoped
public class DoctorSettingsRepository implements PanacheRepositoryBase<DoctorSettings, Long> {
    public Optional<DoctorSettings> findByDoctor(String doctorId) {
        return find("doctorId", doctorId).firstResultOptional();
    }
}
