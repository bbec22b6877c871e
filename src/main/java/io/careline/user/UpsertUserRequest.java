package io.careline.user;

import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A hospital system's profile of a user: name, role, department, avatar and client type. */
@RegisterForReflection
public record UpsertUserRequest(
        @Size(max = 128) String displayName,
        @NotNull Role role,
        @Size(max = 128) String department,
        @Size(max = 512) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 32) @Pattern(regexp = "[a-z_]+", message = "must be lowercase letters and underscores") String clientType) {
}
