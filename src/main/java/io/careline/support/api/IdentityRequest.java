package io.careline.support.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seed 004's login fields for a platform's user: the profile agents see. */
@RegisterForReflection
public record IdentityRequest(@Schema(description = "Shown to agents") @Size(max = 128) String nickname,
        @Size(max = 512) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl) {
}
