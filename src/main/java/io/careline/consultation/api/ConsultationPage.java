package io.careline.consultation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of the caller's consultations, newest first, with the workbench counts of the whole list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ConsultationPage(List<ConsultationView> items, ConsultationCounts counts, String nextCursor) {
}
