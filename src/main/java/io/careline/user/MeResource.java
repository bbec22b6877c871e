package io.careline.user;

import io.careline.common.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own profile, created from the token's claims the first time it is seen. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "Users")
@SecurityRequirement(name = "jwt")
public class MeResource {
    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The caller's profile")
    public UserView me() {
        return users.get(caller.get(), caller.get().userId());
    }
}
