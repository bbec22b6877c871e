package io.careline.admin.rest;

import io.careline.admin.ConnectionAdminService;
import io.careline.admin.ConnectionFilter;
import io.careline.admin.api.ConnectionList;
import io.careline.admin.api.DisconnectRequest;
import io.careline.admin.api.DisconnectView;
import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.realtime.api.ConnectionStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is connected, on every node, and force disconnect (admin, own tenant only). */
@Path("/api/v1/admin/connections")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Admin")
@SecurityRequirement(name = "jwt")
public class AdminConnectionResource {
    @Inject
    ConnectionAdminService connections;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's open connections on every node, oldest first (admin)",
            description = "Filters compare exactly. `total` counts every match; `items` holds the first `limit`."
                    + " Last activity is as of each node's last heartbeat.")
    public ConnectionList list(@QueryParam("userId") String userId,
            @QueryParam("role") @Parameter(description = "patient, doctor, nurse, agent, admin, service") String role,
            @QueryParam("clientType") @Parameter(description = "web, ios, android, desktop, service, unknown")
            String clientType,
            @QueryParam("node") String node,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit) {
        return connections.list(caller.get(), new ConnectionFilter(userId, role, clientType, node),
                pageLimits.resolve(limit));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "The tenant's connections counted by node, role and client type (admin)")
    public ConnectionStats stats() {
        return connections.stats(caller.get());
    }

    @POST
    @Path("/disconnect")
    @Operation(summary = "Close one device or all of a user's devices, on whichever node (admin)",
            description = "The devices are closed with 4500 (disconnected by an administrator: do not reconnect)"
                    + " and the action is recorded in the audit log. 404 CONNECTION_NOT_FOUND, with nothing"
                    + " recorded, when the user has no such open connection.")
    public Response disconnect(@Valid @NotNull DisconnectRequest request) {
        DisconnectView view = connections.disconnect(caller.get(), request);
        return Response.accepted(view).build();
    }
}
