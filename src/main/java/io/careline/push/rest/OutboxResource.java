package io.careline.push.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.WireEnum;
import io.careline.push.OutboxAdminService;
import io.careline.push.api.PushPage;
import io.careline.push.model.Channel;
import io.careline.push.model.OutboxState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The push outbox and log of the tenant (admin). */
@Path("/api/v1/push/outbox")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Push")
@SecurityRequirement(name = "jwt")
public class OutboxResource {
    @Inject
    OutboxAdminService outbox;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's pushes, newest first (admin)",
            description = "Waiting (queued), being sent (sending), sent, skipped (no longer wanted when due) and dead.")
    public PushPage list(@QueryParam("state") @Parameter(description = "queued, sending, sent, skipped, dead")
            String state, @QueryParam("userId") String userId,
            @QueryParam("channel") @Parameter(description = "fcm, apns, wechat, wechat_mp, webhook, sms, email") String channel,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return outbox.list(caller.get(), state == null ? null : WireEnum.require(OutboxState.class, state, "state"),
                userId, channel == null ? null : WireEnum.require(Channel.class, channel, "channel"),
                pageLimits.resolve(limit), cursor);
    }

    @POST
    @Path("/{pushId}/retry")
    @Operation(summary = "Send a dead push again (admin)", description = "409 PUSH_NOT_DEAD for any other state.")
    public Response retry(@PathParam("pushId") String pushId) {
        outbox.retry(caller.get(), pushId);
        return Response.accepted().build();
    }
}
