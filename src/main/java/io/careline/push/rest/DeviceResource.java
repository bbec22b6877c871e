package io.careline.push.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.push.DeviceService;
import io.careline.push.api.DeviceRequest;
import io.careline.push.api.DeviceView;
import io.quarkus.security.Authenticated;
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

/** The caller's devices for offline push. */
@Path("/api/v1/me/devices")
@Authenticated
@Tag(name = "Push")
@SecurityRequirement(name = "jwt")
public class DeviceResource {
    @Inject
    DeviceService devices;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The caller's devices")
    public List<DeviceView> list() {
        return devices.list(caller.get());
    }

    @PUT
    @Path("/{deviceId}")
    @Operation(summary = "Register a device or refresh its token",
            description = "201 when new, 200 when replaced. A token registered before by another user or device "
                    + "moves here. A token the provider reports dead is removed by Careline.")
    public Response register(@PathParam("deviceId") @Identifier String deviceId,
            @Valid @NotNull DeviceRequest request) {
        return devices.register(caller.get(), deviceId, request).toResponse();
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(summary = "Log a device out: it receives no more pushes")
    public Response logout(@PathParam("deviceId") @Identifier String deviceId) {
        devices.logout(caller.get(), deviceId);
        return Response.noContent().build();
    }
}
