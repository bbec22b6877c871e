package io.careline.consultation.model;

/** Which of a doctor's patients a list asks for; null fields do not filter. */
public record CareRelationFilter(String tag, CareGroup group, Boolean followed, Boolean blocked) {
}
