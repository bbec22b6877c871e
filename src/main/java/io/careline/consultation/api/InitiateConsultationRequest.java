package io.careline.consultation.api;

import io.careline.common.wire.Identifier;
import io.careline.consultation.model.ConsultationKind;
import io.careline.consultation.model.ConsultationSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seed 002's initiateConsultation: a patient asks a doctor; the open consultation answers if there is one. */
@RegisterForReflection
public record InitiateConsultationRequest(
        @NotNull @Identifier String doctorId,
        @Schema(description = "The patient; a patient may initiate only for themselves") @NotNull @Identifier
        String patientId,
        @Schema(description = "text when absent") ConsultationKind kind,
        @Schema(description = "online when absent; recorded on a new care relation") ConsultationSource source,
        @Schema(description = "What the patient asks about, shown in the topic's begin message") @Size(max = 1000)
        String description) {
}
