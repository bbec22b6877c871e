package io.careline.notification.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.careline.notification.NotificationTypes;
import io.careline.notification.api.NotificationTypeRequest;
import io.careline.notification.api.NotificationTypeView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's catalogue of notification types: read by everyone, managed by admins. */
@Path("/api/v1/notification-types")
@Authenticated
@Tag(name = "Notification types")
@SecurityRequirement(name = "jwt")
public class NotificationTypeResource {
    @Inject
    NotificationTypes types;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The types of the tenant's catalogue",
            description = "A tenant starts with seed 003's ten types; admins redefine, add and retire them.")
    public List<NotificationTypeView> list() {
        return types.list(caller.get());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One type of the catalogue")
    public NotificationTypeView get(@PathParam("code") @Identifier(max = 64) String code) {
        return types.get(caller.get(), code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create or redefine a type (admin)",
            description = "201 when the type is new (or was retired), 200 when it replaced a definition.")
    public Response put(@PathParam("code") @Identifier(max = 64) String code,
            @Valid @NotNull NotificationTypeRequest request) {
        return types.put(caller.get(), code, request).toResponse();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Retire a type (admin)",
            description = "It can no longer be sent; notifications of it stay in history.")
    public Response retire(@PathParam("code") @Identifier(max = 64) String code) {
        types.retire(caller.get(), code);
        return Response.noContent().build();
    }
}
