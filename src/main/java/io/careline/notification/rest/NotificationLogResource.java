package io.careline.notification.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.WireEnum;
import io.careline.notification.NotificationService;
import io.careline.notification.api.LogPage;
import io.careline.notification.model.LogAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification audit trail, for admins. */
@Path("/api/v1/notification-log")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Notifications")
@SecurityRequirement(name = "jwt")
public class NotificationLogResource {
    @Inject
    NotificationService notifications;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Every transition of the tenant's notifications, oldest first (admin)",
            description = "sent (one line per notification), delivered, read, unread, archived, unarchived, "
                    + "failed, expired, with who made it and when.")
    public LogPage log(@QueryParam("notificationId") String notificationId,
            @QueryParam("userId") @Parameter(description = "The recipient") String userId,
            @QueryParam("action") @Parameter(description = "sent, delivered, read, ...") String action,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return notifications.log(caller.get(), notificationId, userId,
                action == null ? null : WireEnum.require(LogAction.class, action, "action"),
                pageLimits.resolve(limit), cursor);
    }
}
