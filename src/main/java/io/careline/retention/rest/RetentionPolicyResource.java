package io.careline.retention.rest;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.retention.RetentionService;
import io.careline.retention.api.RetentionLogView;
import io.careline.retention.api.RetentionPolicyRequest;
import io.careline.retention.api.RetentionPolicyView;
import jakarta.annotation.security.RolesAllowed;
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

/** The tenant's retention policies and purge log (admins). */
@Path("/api/v1/retention-policies")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Retention")
@SecurityRequirement(name = "jwt")
public class RetentionPolicyResource {
    @Inject
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's retention policies (admin)",
            description = "A scope without a policy keeps its content forever.")
    public List<RetentionPolicyView> list() {
        return retention.policies();
    }

    @GET
    @Path("/log")
    @Operation(summary = "The tenant's latest purges, newest first (admin)")
    public List<RetentionLogView> log() {
        return retention.log();
    }

    @PUT
    @Path("/{sessionType}")
    @Operation(summary = "Keep a scope's content for keepDays (admin)",
            description = "sessionType is a session type (its messages) or notifications. Every node's purge "
                    + "replaces older content with a tombstone (purged: true): seqs, nseqs, unread counts and badges "
                    + "stay; sessions on legal hold are left alone. 201 when the scope had no policy, else 200.")
    public Response put(@PathParam("sessionType") String sessionType, @Valid @NotNull RetentionPolicyRequest request) {
        RetentionService.Saved saved = retention.put(caller.get(), sessionType, request.keepDays());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.policy())
                .build();
    }

    @DELETE
    @Path("/{sessionType}")
    @Operation(summary = "Remove a scope's policy: its content is kept from now on (admin)")
    public Response delete(@PathParam("sessionType") String sessionType) {
        if (!retention.delete(sessionType)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "This scope has no retention policy.");
        }
        return Response.noContent().build();
    }
}
