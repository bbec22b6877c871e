package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform's user and the Careline user id they talk as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record IdentityView(String platform, String platformUserId,
        @Schema(description = "ext:<platform>:<platformUserId>; tokens may carry the pair instead (docs/consultations.md)")
        String userId, String nickname, String avatarUrl) {
}
