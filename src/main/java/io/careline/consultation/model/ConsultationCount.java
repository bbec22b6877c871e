package io.careline.consultation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many consultations of a list have one status and replied flag. */
@RegisterForReflection
public record ConsultationCount(ConsultationStatus status, boolean replied, long count) {
}
