package io.careline.consultation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which kinds of consultation a doctor takes, and how soon they aim to answer one. */
@Entity
@Table(name = "doctor_settings")
public class DoctorSettings extends TenantScopedEntity {
    @Column(name = "doctor_id")
    public String doctorId;

    @Column(name = "accepts_text")
    public boolean acceptsText;

    @Column(name = "accepts_phone")
    public boolean acceptsPhone;

    @Column(name = "accepts_video")
    public boolean acceptsVideo;

    /** Null: no target, nothing escalates. */
    @Column(name = "first_response_minutes")
    public Integer firstResponseMinutes;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
