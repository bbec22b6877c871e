package io.careline.consultation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A consultation: a topic of the doctor and patient's session (same id), with its kind and source; its
 * status follows the topic's changes.
 */
@Entity
@Table(name = "consultations")
public class Consultation extends TenantScopedEntity {
    @Column(name = "public_id")
    public String publicId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "doctor_id")
    public String doctorId;

    @Column(name = "patient_id")
    public String patientId;

    @Enumerated(EnumType.STRING)
    public ConsultationKind kind;

    @Enumerated(EnumType.STRING)
    public ConsultationSource source;

    @Enumerated(EnumType.STRING)
    public ConsultationStatus status;

    public boolean replied;

    @Column(name = "started_at", columnDefinition = DATETIME)
    public Instant startedAt;

    @Column(name = "first_reply_at", columnDefinition = DATETIME)
    public Instant firstReplyAt;

    @Column(name = "ended_at", columnDefinition = DATETIME)
    public Instant endedAt;

    /** When the doctor's consultation hours let them hear of it (the start, inside their hours). */
    @Column(name = "doctor_sees_at", columnDefinition = DATETIME)
    public Instant doctorSeesAt;

    /** When it escalates if still unanswered; null when the doctor has no first-response target. */
    @Column(name = "response_due_at", columnDefinition = DATETIME)
    public Instant responseDueAt;

    @Column(name = "escalated_at", columnDefinition = DATETIME)
    public Instant escalatedAt;
}
