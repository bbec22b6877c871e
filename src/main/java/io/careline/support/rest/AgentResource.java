package io.careline.support.rest;

import static io.careline.common.wire.QueryParameters.flag;

import io.careline.common.security.CurrentCaller;
import io.careline.support.AgentService;
import io.careline.support.RoomService;
import io.careline.support.api.AgentStatusRequest;
import io.careline.support.api.AgentView;
import io.careline.support.api.RoomList;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling agent: status, load per desk, and the rooms they hold. */
@Path("/api/v1/support/agents/me")
@Authenticated
@Tag(name = "Support desk")
@SecurityRequirement(name = "jwt")
public class AgentResource {
    @Inject
    AgentService agents;

    @Inject
    RoomService rooms;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The calling agent's status and rooms held per desk")
    public AgentView me() {
        return agents.me(caller.get());
    }

    @PUT
    @Operation(summary = "Set the calling agent's status: online, away or offline",
            description = "Online agents are assigned rooms at auto desks; coming online takes waiting ones.")
    public AgentView status(@Valid @NotNull AgentStatusRequest request) {
        return agents.setStatus(caller.get(), request.status());
    }

    @GET
    @Path("/rooms")
    @Operation(summary = "The rooms the calling agent holds, longest waiting first")
    public RoomList rooms(@QueryParam("awaitingReply") @Parameter(description = "Only those awaiting the agent's"
            + " reply", schema = @Schema(type = SchemaType.BOOLEAN)) String awaitingReply) {
        return rooms.held(caller.get(), Objects.requireNonNullElse(flag("awaitingReply", awaitingReply), false));
    }
}
