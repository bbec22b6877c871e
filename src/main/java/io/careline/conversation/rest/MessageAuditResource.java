package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.conversation.MessageAuditService;
import io.careline.conversation.api.MessageAuditView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A message's audit trail: every revision and its recall, for the tenant's admins only. */
@Path("/api/v1/admin/messages/{sessionId}/{seq}/audit")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Admin")
@SecurityRequirement(name = "jwt")
public class MessageAuditResource {
    @Inject
    MessageAuditService audit;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A message's audit trail (admin)",
            description = "Every version of the message, oldest first: as sent (revision 0), each revision with "
                    + "its content and author, and its recall with who recalled it and why.")
    public MessageAuditView trail(@PathParam("sessionId") String sessionId, @PathParam("seq") @Positive long seq) {
        return audit.trail(caller.get(), sessionId, seq);
    }
}
