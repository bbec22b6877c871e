package io.careline.support.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A desk to create or replace. */
@RegisterForReflection
public record DeskRequest(@NotBlank @Size(max = 128) String name,
        @Schema(description = "The user id customers see, like seed 002's official assistant") @NotNull @Identifier
        String assistantId,
        @Schema(description = "manual when absent") Routing routing,
        @Schema(description = "Most rooms one agent holds at once; 5 when absent") @Min(1) @Max(1000) Integer capacity,
        @Schema(description = "Minutes a room may wait for its first reply before the supervisors are told; absent:"
                + " no target") @Min(1) @Max(10080) Integer firstResponseMinutes) {
}
