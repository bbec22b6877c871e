package io.careline.consultation.api;

import io.careline.consultation.model.DoctorSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which kinds of consultation a doctor accepts (seed 002's isNormalConsultingOpen and isPhoneConsultingOpen). */
@RegisterForReflection
public record DoctorSettingsView(@NotNull Boolean text, @NotNull Boolean phone, @NotNull Boolean video,
        @Schema(description = "Minutes within which a new consultation should be answered, counted from when the"
                + " doctor's hours let them see it; past it the doctor's team gets an urgent notification. Absent:"
                + " no target") @Min(1) @Max(10080) Integer firstResponseMinutes) {

    /** A doctor who never said: every kind, no target. */
    public static final DoctorSettingsView DEFAULT = new DoctorSettingsView(true, true, true, null);

    public static DoctorSettingsView of(DoctorSettings settings) {
        return new DoctorSettingsView(settings.acceptsText, settings.acceptsPhone, settings.acceptsVideo,
                settings.firstResponseMinutes);
    }
}
