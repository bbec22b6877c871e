package io.careline.push.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tenant's pushes may say beyond Careline's neutral wording. */
@RegisterForReflection
public record PushSettingsView(
        @Schema(description = "Shown as the push title; Careline when absent") @Size(max = 128) String hospitalName,
        @Schema(description = "Whether a message push may name its sender (staff names only: patients' never)")
        @NotNull Boolean showSenderName) {
}
