package io.careline.consultation.api;

import io.careline.common.wire.Identifier;
import io.careline.consultation.model.CareGroup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a care relation; an absent field stays as it is. */
@RegisterForReflection
public record PatchCareRelationRequest(
        @Schema(description = "Replaces the tags") @Size(max = 20) List<@NotNull @Identifier(max = 32) String> tags,
        @Schema(description = "Replaces the remark; an empty string clears it") @Size(max = 500) String remark,
        @Schema(description = "Replaces the groups; at least one") @Size(min = 1, max = 4) Set<@NotNull CareGroup> groups,
        Boolean followed,
        @Schema(description = "A blocked patient cannot initiate with this doctor or send into their consultation"
                + " sessions") Boolean blocked) {
}
