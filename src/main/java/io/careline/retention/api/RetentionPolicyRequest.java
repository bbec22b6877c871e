package io.careline.retention.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many days to keep content before the purge replaces it with a tombstone. */
@RegisterForReflection
public record RetentionPolicyRequest(
        @NotNull @Min(1) @Max(36500) @Schema(description = "Days to keep content, 1..36500") Integer keepDays) {
}
