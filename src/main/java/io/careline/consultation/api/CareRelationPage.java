package io.careline.consultation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of a doctor's patients, most recently changed first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record CareRelationPage(List<CareRelationView> items, String nextCursor) {
}
