package io.careline.consultation.model;

import io.careline.common.SqlTime;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Doctors' consultation settings of the current tenant. */
@ApplicationScoped
public class DoctorSettingsRepository implements PanacheRepositoryBase<DoctorSettings, Long> {
    public Optional<DoctorSettings> findByDoctor(String doctorId) {
        return find("doctorId", doctorId).firstResultOptional();
    }

    /** Sets the doctor's settings in one statement, so that two first settings at once do not collide. */
    public void put(String tenant, String doctorId, boolean text, boolean phone, boolean video,
            Integer firstResponseMinutes, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO doctor_settings (tenant_id, doctor_id, accepts_text, accepts_phone, accepts_video,
                                             first_response_minutes, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON DUPLICATE KEY UPDATE accepts_text = VALUES(accepts_text), accepts_phone = VALUES(accepts_phone),
                  accepts_video = VALUES(accepts_video), first_response_minutes = VALUES(first_response_minutes),
                  updated_at = VALUES(updated_at)""").setParameter(1, tenant).setParameter(2, doctorId)
                .setParameter(3, text).setParameter(4, phone).setParameter(5, video)
                .setParameter(6, firstResponseMinutes).setParameter(7, SqlTime.text(at)).executeUpdate();
    }
}
