package io.careline.notification.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.notification.InboxService;
import io.careline.notification.NotificationService;
import io.careline.notification.api.BatchStatusRequest;
import io.careline.notification.api.NotificationCounts;
import io.careline.notification.api.NotificationPage;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.ReadAllRequest;
import io.careline.notification.api.RecipientPage;
import io.careline.notification.api.SendNotificationBatchRequest;
import io.careline.notification.api.SendNotificationBatchResult;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.api.StatusChange;
import io.careline.notification.api.StatusRequest;
import io.careline.notification.api.StatusResult;
import io.careline.notification.send.NotificationSender;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Notifications: send, the caller's history and counts, status changes, and a sent one's recipients. */
@Path("/api/v1/notifications")
@Authenticated
@Tag(name = "Notifications")
@SecurityRequirement(name = "jwt")
public class NotificationResource {
    @Inject
    NotificationService notifications;

    @Inject
    NotificationSender sender;

    @Inject
    InboxService inbox;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Send a notification (roles the type allows)",
            description = "201 with the recipient count and how many were online; every recipient row is stored "
                    + "before the answer. A retry with the same idempotencyKey answers 200 with the first "
                    + "notification. Unknown type 400 UNKNOWN_NOTIFICATION_TYPE; a role the type does not allow "
                    + "403 NOTIFICATION_TYPE_FORBIDDEN; a named user who cannot receive it 422 RECIPIENT_REFUSED; "
                    + "targets that reach nobody 422 NO_RECIPIENTS; more than careline.notifications.max-recipients "
                    + "recipients 400 LIMIT_EXCEEDED; a node with too many sends waiting 503 OVERLOADED (retryable: "
                    + "send again later with the same idempotencyKey). Nothing is stored when refused.")
    public Response send(@Valid @NotNull SendNotificationRequest request) {
        return sender.send(caller.get(), request).toResponse();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Send up to 500 notifications at once (roles each type allows)",
            description = "Each item is a send of its own, answered at its index with what POST "
                    + "/api/v1/notifications would answer for it: 201 with its notification, 200 for a repeated "
                    + "idempotencyKey, or its problem. One refused item does not keep the others from being stored, "
                    + "unless atomic is true: then all are stored in one transaction or none is, and the items not "
                    + "refused themselves answer 424 BATCH_ABORTED. The batch itself answers 200; a body that is not "
                    + "such a batch 400, a node with too many sends waiting 503 OVERLOADED (retryable).")
    public SendNotificationBatchResult sendBatch(@Valid @NotNull SendNotificationBatchRequest request) {
        return sender.sendBatch(caller.get(), request);
    }

    @GET
    @Operation(summary = "The caller's notifications",
            description = "Newest first (or sort=priority: urgent first), without archived ones unless "
                    + "status=archived. Keyset paged.")
    public NotificationPage history(@QueryParam("type") @Parameter(description = "A notification type") String type,
            @QueryParam("status") @Parameter(description = "unread, read or archived") String status,
            @QueryParam("priority") @Parameter(description = "low, normal, high or urgent") String priority,
            @QueryParam("since") @Parameter(description = "Created at or after this ISO-8601 instant") String since,
            @QueryParam("sort") @Parameter(description = "newest (default) or priority") String sort,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return inbox.history(caller.get(), type, status, priority, since, sort, pageLimits.resolve(limit), cursor);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "The caller's unread notifications, by type and by priority",
            description = "Unread: not read, not archived, not expired.")
    public NotificationCounts counts() {
        return inbox.counts(caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One notification",
            description = "As the caller received it; its sender and admins see it without recipient fields.")
    public NotificationView get(@PathParam("id") @Identifier(max = 36) String id) {
        return notifications.get(caller.get(), id);
    }

    @PUT
    @Path("/{id}/status")
    @Operation(summary = "Read, unread, archive, unarchive or acknowledge one of the caller's notifications",
            description = "The caller's other devices get a notification_status frame. An expired notification "
                    + "cannot be read.")
    public NotificationView status(@PathParam("id") @Identifier(max = 36) String id,
            @Valid @NotNull StatusRequest request) {
        return inbox.changeStatus(caller.get(), id, request.status());
    }

    @POST
    @Path("/{id}/ack")
    @Operation(summary = "Acknowledge one of the caller's notifications",
            description = "Sets acknowledgedAt once (and readAt, if unread); status becomes acknowledged, which an "
                    + "unread cannot undo. Acknowledging again changes nothing. Escalation steps stop with it. The "
                    + "caller's other devices get a notification_status frame; an expired notification cannot be "
                    + "acknowledged.")
    public NotificationView acknowledge(@PathParam("id") @Identifier(max = 36) String id) {
        return inbox.changeStatus(caller.get(), id, StatusChange.ACKNOWLEDGED);
    }

    @POST
    @Path("/status")
    @Operation(summary = "Change the status of several of the caller's notifications",
            description = "Any id that is not the caller's refuses the batch (404, errors name them); the "
                    + "answer lists the ids that changed.")
    public StatusResult statuses(@Valid @NotNull BatchStatusRequest request) {
        return inbox.changeStatuses(caller.get(), request.ids(), request.status());
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every unread notification of the caller read, or those of one type")
    public StatusResult readAll(@Valid ReadAllRequest request) {
        return inbox.readAll(caller.get(), request == null ? null : request.type());
    }

    @GET
    @Path("/{id}/recipients")
    @Operation(summary = "How a sent notification stands for its recipients (its sender, admins)",
            description = "Counts by status and of archived copies, and a page of recipients.")
    public RecipientPage recipients(@PathParam("id") @Identifier(max = 36) String id,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return notifications.recipients(caller.get(), id, pageLimits.resolve(limit), cursor);
    }
}
