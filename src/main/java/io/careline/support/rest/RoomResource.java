package io.careline.support.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.support.QueueService;
import io.careline.support.RoomLifecycle;
import io.careline.support.RoomService;
import io.careline.support.api.OpenRoomRequest;
import io.careline.support.api.RoomList;
import io.careline.support.api.RoomView;
import io.careline.support.api.TransferRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers' rooms at support desks: opened by the customer, claimed, transferred, released and finished by the
 * desk's agents. Messages flow through the session APIs and frames (the room's sessionId).
 */
@Path("/api/v1/support/rooms")
@Authenticated
@Tag(name = "Support desk")
@SecurityRequirement(name = "jwt")
public class RoomResource {
    @Inject
    RoomService rooms;

    @Inject
    QueueService queue;

    @Inject
    RoomLifecycle lifecycle;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Open the caller's room at a desk, or answer the open one",
            description = "201 with a new waiting room (routed at once at an auto desk), 200 with the open one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "200", description = "The open room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    public Response open(@Valid @NotNull OpenRoomRequest request) {
        return rooms.open(caller.get(), request).toResponse();
    }

    @GET
    @Operation(summary = "The caller's own rooms as a customer, newest first")
    public RoomList mine() {
        return rooms.mine(caller.get());
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One room, for its customer, its agent, the desk's supervisors and managers")
    public RoomView get(@PathParam("sessionId") @Identifier String sessionId) {
        return rooms.get(caller.get(), sessionId);
    }

    @POST
    @Path("/{sessionId}/claim")
    @Operation(summary = "Claim a waiting room (the desk's agents); one of several claims at once wins",
            description = "201 claimed, 200 already yours, 409 ROOM_ALREADY_CLAIMED when another agent was first.")
    @APIResponse(responseCode = "201", description = "Claimed",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    public Response claim(@PathParam("sessionId") @Identifier String sessionId) {
        return queue.claim(caller.get(), sessionId).toResponse();
    }

    @POST
    @Path("/{sessionId}/transfer")
    @Operation(summary = "Hand a held room to another of the desk's agents")
    public RoomView transfer(@PathParam("sessionId") @Identifier String sessionId,
            @Valid @NotNull TransferRequest request) {
        return lifecycle.transfer(caller.get(), sessionId, request.agentId());
    }

    @POST
    @Path("/{sessionId}/release")
    @Operation(summary = "Put a held room back in the queue")
    public RoomView release(@PathParam("sessionId") @Identifier String sessionId) {
        return lifecycle.release(caller.get(), sessionId);
    }

    @POST
    @Path("/{sessionId}/finish")
    @Operation(summary = "End the room (its agent, the desk's supervisors, managers or the customer)",
            description = "Closes the room's session; finishing a finished room changes nothing.")
    public RoomView finish(@PathParam("sessionId") @Identifier String sessionId) {
        return lifecycle.finish(caller.get(), sessionId);
    }
}
