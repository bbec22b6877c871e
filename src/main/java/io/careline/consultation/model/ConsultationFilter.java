package io.careline.consultation.model;

/** Which consultations a list asks for; null fields do not filter. The doctor and patient come from the caller's scope. */
public record ConsultationFilter(String doctorId, String patientId, ConsultationKind kind, ConsultationStatus status) {

    public ConsultationFilter withoutStatus() {
        return new ConsultationFilter(doctorId, patientId, kind, null);
    }
}
