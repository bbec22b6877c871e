package io.careline.support.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.support.QueueService;
import io.careline.support.api.QueuePage;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A desk's waiting rooms, oldest first. */
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
}
