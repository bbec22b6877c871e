package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.ReadRequest;
import io.careline.conversation.api.ReadStateView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Marking a session read up to a seq. */
@Path("/api/v1/sessions/{sessionId}/read")
@Authenticated
@Tag(name = "Read state")
@SecurityRequirement(name = "jwt")
public class ReadResource {
    @Inject
    ReadStateService readState;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Mark everything up to seq as read",
            description = "The read position only moves forward. Answers the position and what is still unread.")
    public ReadStateView read(@PathParam("sessionId") String sessionId, @Valid @NotNull ReadRequest request) {
        return readState.markRead(caller.get(), sessionId, request.seq());
    }
}
