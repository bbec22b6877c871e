package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.UnreadView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's app badge. */
@Path("/api/v1/me/unread")
@Authenticated
@Tag(name = "Read state")
@SecurityRequirement(name = "jwt")
public class UnreadResource {
    @Inject
    ReadStateService readState;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Total unread messages and the sessions that have any",
            description = "Own messages and system notices never count as unread.")
    public UnreadView unread() {
        return readState.unread(caller.get());
    }
}
