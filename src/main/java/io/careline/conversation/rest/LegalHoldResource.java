package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.conversation.LegalHoldService;
import io.careline.conversation.api.LegalHoldView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's legal hold (admins): while on hold, retention purges none of its messages. */
@Path("/api/v1/sessions/{sessionId}/legal-hold")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Retention")
@SecurityRequirement(name = "jwt")
public class LegalHoldResource {
    @Inject
    LegalHoldService holds;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Whether the session is on legal hold (admin)")
    public LegalHoldView state(@PathParam("sessionId") String sessionId) {
        return holds.state(caller.get(), sessionId);
    }

    @PUT
    @Operation(summary = "Put the session on legal hold (admin)",
            description = "Retention purges none of its messages until the hold is lifted. Placing it again keeps "
                    + "the first hold's time and author.")
    public LegalHoldView place(@PathParam("sessionId") String sessionId) {
        return holds.place(caller.get(), sessionId);
    }

    @DELETE
    @Operation(summary = "Lift the session's legal hold (admin)",
            description = "Retention applies again from its next run, to messages older than the policy's days.")
    public LegalHoldView lift(@PathParam("sessionId") String sessionId) {
        return holds.lift(caller.get(), sessionId);
    }
}
