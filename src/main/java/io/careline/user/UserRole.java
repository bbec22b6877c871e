package io.careline.user;

import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A profile's user id and role: what targeting by role or department needs of each user. */
@RegisterForReflection
public record UserRole(String userId, Role role) {
}
