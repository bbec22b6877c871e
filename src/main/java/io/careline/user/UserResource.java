package io.careline.user;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User profiles: upserted by hospital systems, read by those allowed to see them. */
@Path("/api/v1/users/{userId}")
@Authenticated
@Tag(name = "Users")
@SecurityRequirement(name = "jwt")
public class UserResource {
    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @PUT
    @RolesAllowed({ Role.SERVICE_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Create or replace a user's profile (service, admin)",
            description = "201 when the profile is new, 200 when it replaced an existing one.")
    public Response upsert(@PathParam("userId") @Identifier String userId,
            @Valid @NotNull UpsertUserRequest request) {
        return users.upsert(userId, request).toResponse();
    }

    @GET
    @Operation(summary = "A user's profile",
            description = "Visible to the user, to staff, and to users who share a session with them; otherwise 404.")
    public UserView get(@PathParam("userId") @Size(min = 1, max = 128) String userId) {
        return users.get(caller.get(), userId);
    }
}
