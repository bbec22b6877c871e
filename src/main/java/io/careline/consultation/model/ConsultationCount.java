package io.careline.consultation.model;

/** How many consultations of a list have one status and replied flag. */
public record ConsultationCount(ConsultationStatus status, boolean replied, long count) {
}
