package io.careline.support.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.support.DeskService;
import io.careline.support.api.DeskAgentRequest;
import io.careline.support.api.DeskAgentView;
import io.careline.support.api.DeskRequest;
import io.careline.support.api.DeskView;
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

/** Support desks and their agents: managed by services and admins, read by those who work there. */
@Path("/api/v1/support/desks")
@Authenticated
@Tag(name = "Support desk")
@SecurityRequirement(name = "jwt")
public class DeskResource {
    @Inject
    DeskService desks;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's desks (managers), or those the caller works at")
    public List<DeskView> list() {
        return desks.list(caller.get());
    }

    @GET
    @Path("/{deskId}")
    @Operation(summary = "One desk")
    public DeskView get(@PathParam("deskId") @Identifier(max = 64) String deskId) {
        return desks.get(caller.get(), deskId);
    }

    @PUT
    @Path("/{deskId}")
    @Operation(summary = "Create or replace a desk (services and admins)")
    public Response put(@PathParam("deskId") @Identifier(max = 64) String deskId,
            @Valid @NotNull DeskRequest request) {
        return desks.put(caller.get(), deskId, request).toResponse();
    }

    @GET
    @Path("/{deskId}/agents")
    @Operation(summary = "Who works at the desk, with status and rooms held")
    public List<DeskAgentView> agents(@PathParam("deskId") @Identifier(max = 64) String deskId) {
        return desks.agents(caller.get(), deskId);
    }

    @PUT
    @Path("/{deskId}/agents/{agentId}")
    @Operation(summary = "Add an agent or supervisor to the desk, or change which (services and admins)")
    public Response putAgent(@PathParam("deskId") @Identifier(max = 64) String deskId,
            @PathParam("agentId") @Identifier String agentId, @Valid @NotNull DeskAgentRequest request) {
        return desks.putAgent(caller.get(), deskId, agentId, request).toResponse();
    }

    @DELETE
    @Path("/{deskId}/agents/{agentId}")
    @Operation(summary = "Take an agent off the desk (services and admins); rooms they hold stay theirs")
    public void removeAgent(@PathParam("deskId") @Identifier(max = 64) String deskId,
            @PathParam("agentId") @Identifier String agentId) {
        desks.removeAgent(caller.get(), deskId, agentId);
    }
}
