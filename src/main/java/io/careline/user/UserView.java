package io.careline.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.common.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A user profile as clients see it; the contact details only for hospital systems and admins. */
@RegisterForReflection
public record UserView(String userId, String displayName, Role role, String department, String avatarUrl,
        String clientType, @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
        @JsonInclude(JsonInclude.Include.NON_NULL) String email, Instant createdAt, Instant updatedAt) {

    /** The profile with its contact details, for hospital systems and admins. */
    public static UserView withContacts(User user) {
        return new UserView(user.userId, user.displayName, user.role, user.department, user.avatarUrl,
                user.clientType, user.phone, user.email, user.createdAt, user.updatedAt);
    }

    /** The profile without contact details, for everyone else. */
    public static UserView of(User user) {
        return new UserView(user.userId, user.displayName, user.role, user.department, user.avatarUrl,
                user.clientType, null, null, user.createdAt, user.updatedAt);
    }
}
