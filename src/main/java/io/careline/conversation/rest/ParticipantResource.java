package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.api.ParticipantRequest;
import io.careline.conversation.api.ParticipantView;
import io.careline.conversation.api.ReplaceParticipantsRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members of a session; every change adds a {@code system} message to the session. */
@Path("/api/v1/sessions/{sessionId}/participants")
@Authenticated
@Tag(name = "Participants")
@SecurityRequirement(name = "jwt")
public class ParticipantResource {
    @Inject
    ParticipantService participants;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Active participants with their read positions")
    public List<ParticipantView> list(@PathParam("sessionId") String sessionId) {
        return participants.list(caller.get(), sessionId);
    }

    @POST
    @Operation(summary = "Add a participant (staff participants, service, admin)",
            description = "201 when added, 200 when already a participant.")
    public Response add(@PathParam("sessionId") String sessionId, @Valid @NotNull ParticipantRequest request) {
        return participants.add(caller.get(), sessionId, request).toResponse();
    }

    @PUT
    @Operation(summary = "Replace the whole participant list (staff participants, service, admin)")
    public List<ParticipantView> replace(@PathParam("sessionId") String sessionId,
            @Valid @NotNull ReplaceParticipantsRequest request) {
        return participants.replace(caller.get(), sessionId, request);
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a participant (staff participants, service, admin)",
            description = "They keep read access to what was said before they left, and nothing after.")
    public Response remove(@PathParam("sessionId") String sessionId, @PathParam("userId") String userId) {
        participants.remove(caller.get(), sessionId, userId);
        return Response.noContent().build();
    }
}
