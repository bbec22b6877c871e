package io.careline.admin.rest;

import io.careline.admin.AuditLog;
import io.careline.admin.FiguresService;
import io.careline.admin.api.AuditPage;
import io.careline.admin.api.FiguresView;
import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
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

/** Live figures per node and the audit log, for people without Prometheus (admin). */
@Path("/api/v1/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Admin")
@SecurityRequirement(name = "jwt")
public class AdminFiguresResource {
    @Inject
    FiguresService figures;

    @Inject
    AuditLog audit;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/figures")
    @Operation(summary = "Every live node's figures over its last interval, and their total (admin)",
            description = "Rates per second, delivery latency percentiles, push success rate, fan-out backlog:"
                    + " the meters of /q/metrics, sampled every careline.admin.figures-interval. The node figures"
                    + " describe the whole node; `outbox` counts the tenant's pushes by state.")
    public FiguresView figures() {
        return figures.figures(caller.get());
    }

    @GET
    @Path("/audit")
    @Operation(summary = "What administrators of the tenant did, newest first (admin)")
    public AuditPage audit(@QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
            schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return audit.list(caller.get(), pageLimits.resolve(limit), cursor);
    }
}
