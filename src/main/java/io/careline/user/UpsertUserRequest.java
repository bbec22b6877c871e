package io.careline.user;

import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hospital system's profile of a user: name, role, department, avatar, client type and contact details. */
@RegisterForReflection
public record UpsertUserRequest(
        @Size(max = 128) String displayName,
        @NotNull Role role,
        @Size(max = 128) String department,
        @Size(max = 512) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 32) @Pattern(regexp = "[a-z_]+", message = "must be lowercase letters and underscores") String clientType,
        @Schema(description = "Where escalation texts the user (E.164, e.g. +447700900123); visible to services and admins only")
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +447700900123") String phone,
        @Schema(description = "Where escalation emails the user; visible to services and admins only")
        @Size(max = 254) @Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+", message = "must be an email address") String email) {

    /** A profile without contact details. */
    public static UpsertUserRequest of(String displayName, Role role, String department, String avatarUrl,
            String clientType) {
        return new UpsertUserRequest(displayName, role, department, avatarUrl, clientType, null, null);
    }
}
