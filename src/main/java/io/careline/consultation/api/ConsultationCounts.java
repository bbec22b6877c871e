package io.careline.consultation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seed 000's workbench over a list's consultations: the four states, ended split by whether it was answered. */
@RegisterForReflection
public record ConsultationCounts(@Schema(description = "new: open, nobody answered yet") long unreplied,
        @Schema(description = "replying: open and answered") long inProgress,
        @Schema(description = "ended after a reply") long endedReplied,
        @Schema(description = "ended without a reply (not counted as unreplied)") long endedUnanswered) {
}
