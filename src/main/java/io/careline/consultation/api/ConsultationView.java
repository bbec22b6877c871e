package io.careline.consultation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.careline.consultation.model.Consultation;
import io.careline.consultation.model.ConsultationKind;
import io.careline.consultation.model.ConsultationSource;
import io.careline.consultation.model.ConsultationStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consultation as its doctor, its patient and managers see it (no care-relation fields). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ConsultationView(String consultationId, String sessionId, String doctorId, String patientId,
        ConsultationKind kind, ConsultationSource source, ConsultationStatus status,
        @Schema(description = "A doctor or nurse answered (an ended consultation may have been unanswered)")
        boolean replied,
        Instant startAt, Instant firstReplyAt, Instant endedAt,
        @Schema(description = "When the doctor's consultation hours let them hear of it: the start inside their"
                + " hours, else the next window's start") Instant doctorSeesAt,
        @JsonProperty("isOld") @Schema(description = "This consultation already existed (initiate answered the open"
                + " one); unlike seed 002's description, true means not created now") boolean isOld) {

    public static ConsultationView of(Consultation c, boolean isOld) {
        return new ConsultationView(c.publicId, c.sessionId, c.doctorId, c.patientId, c.kind, c.source, c.status,
                c.replied, c.startedAt, c.firstReplyAt, c.endedAt, c.doctorSeesAt, isOld);
    }
}
