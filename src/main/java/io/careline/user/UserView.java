package io.careline.user;

import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A user profile as clients see it. */
@RegisterForReflection
public record UserView(String userId, String displayName, Role role, String department, String avatarUrl,
        String clientType, Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.userId, user.displayName, user.role, user.department, user.avatarUrl,
                user.clientType, user.createdAt, user.updatedAt);
    }
}
