package io.careline.support.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.support.QueueService;
import io.careline.support.api.ClaimNextRequest;
import io.careline.support.api.QueuePage;
import io.careline.support.api.RoomView;
import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A desk's waiting rooms, oldest first, and taking the next one. */
@Path("/api/v1/support/queue")
@Authenticated
@Tag(name = "Support desk")
@SecurityRequirement(name = "jwt")
public class QueueResource {
    @Inject
    QueueService queue;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A desk's waiting rooms, oldest first, with how many wait and the oldest wait",
            description = "For the desk's agents and managers.")
    public QueuePage list(@QueryParam("deskId") @NotNull @Identifier(max = 64) String deskId,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") String cursor) {
        return queue.queue(caller.get(), deskId, pageLimits.resolve(limit), cursor);
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Take the desk's oldest waiting room (the desk's agents)",
            description = "Rooms another agent is taking at this moment are skipped, so agents taking the next room"
                    + " do not race. 201 with the room; 204 when nothing waits; 409 CONFLICT (retryable) when every"
                    + " room looked at was taken meanwhile.")
    @APIResponse(responseCode = "201", description = "Claimed",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "204", description = "Nothing waits")
    public Response claimNext(@Valid @NotNull ClaimNextRequest request) {
        return queue.claimNext(caller.get(), request.deskId())
                .map(room -> Response.status(Response.Status.CREATED).entity(room).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
