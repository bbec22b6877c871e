package io.careline.escalation.rest;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.careline.common.wire.QueryParameters;
import io.careline.escalation.RosterService;
import io.careline.escalation.api.OnCallView;
import io.careline.escalation.api.RosterRequest;
import io.careline.escalation.api.RosterView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** On-call rosters: hospital systems and admins replace them; staff ask who is on duty. */
@Path("/api/v1/rosters/{rosterId}")
@Authenticated
@Tag(name = "Escalation")
@SecurityRequirement(name = "jwt")
public class RosterResource {
    @Inject
    RosterService rosters;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @PUT
    @RolesAllowed({ Role.SERVICE_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Replace a roster with its name and every shift (hospital systems, admins)",
            description = "Shifts [{userId, startsAt, endsAt}] in the order next_oncall follows; each must end after "
                    + "it starts. 201 when the roster is new, else 200.")
    public Response put(@PathParam("rosterId") @Identifier String rosterId, @Valid @NotNull RosterRequest request) {
        RosterService.Saved saved = rosters.put(caller.get(), rosterId, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.roster())
                .build();
    }

    @GET
    @Operation(summary = "A roster and its shifts (staff)")
    public RosterView get(@PathParam("rosterId") @Identifier String rosterId) {
        requireStaff();
        return rosters.get(rosterId);
    }

    @GET
    @Path("/oncall")
    @Operation(summary = "Who is on duty at an instant (staff)",
            description = "The shifts covering `at` (default: now), in the roster's order; empty when nobody is.")
    public OnCallView onCall(@PathParam("rosterId") @Identifier String rosterId,
            @QueryParam("at") @Parameter(description = "ISO-8601 instant; default now") String at) {
        requireStaff();
        Instant instant = QueryParameters.instant("at", at);
        return rosters.onCall(rosterId, instant != null ? instant : Times.now(clock));
    }

    /** Rosters name who works when: patients have no business reading them. */
    private void requireStaff() {
        Caller who = caller.get();
        if (!who.isStaff()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only staff read rosters.");
        }
    }
}
