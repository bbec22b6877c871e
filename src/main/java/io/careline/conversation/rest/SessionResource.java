package io.careline.conversation.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.conversation.SessionService;
import io.careline.conversation.api.CreateSessionRequest;
import io.careline.conversation.api.PatchSessionRequest;
import io.careline.conversation.api.SessionCounts;
import io.careline.conversation.api.SessionPage;
import io.careline.conversation.api.SessionView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Sessions: create, list the caller's, counts, read one, rename or close, pin and mute. */
@Path("/api/v1/sessions")
@Authenticated
@Tag(name = "Sessions")
@SecurityRequirement(name = "jwt")
public class SessionResource {
    @Inject
    SessionService sessions;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Create a session (staff, service, admin)",
            description = "201 when created. The same id again with the same content answers 200 with the existing "
                    + "session; with different content 409 SESSION_CONFLICT. Staff creators join the session.")
    public Response create(@Valid @NotNull CreateSessionRequest request) {
        return sessions.create(caller.get(), request).toResponse();
    }

    @GET
    @Operation(summary = "The caller's sessions",
            description = "Pinned first, then most recent activity first, each with the caller's unread count.")
    public SessionPage list(@QueryParam("type") @Parameter(description = "Session type name") String type,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return sessions.list(caller.get(), type, pageLimits.resolve(limit), cursor);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Counts of the caller's sessions and unread messages by type")
    public SessionCounts counts() {
        return sessions.counts(caller.get());
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One session, as the caller sees it")
    public SessionView get(@PathParam("sessionId") String sessionId) {
        return sessions.get(caller.get(), sessionId);
    }

    @PATCH
    @Path("/{sessionId}")
    @Operation(summary = "Rename, close or reopen a session (staff participants, service, admin)",
            description = "Closing a session ends its open topic.")
    public SessionView update(@PathParam("sessionId") String sessionId, @Valid @NotNull PatchSessionRequest request) {
        return sessions.update(caller.get(), sessionId, request);
    }

    @PUT
    @Path("/{sessionId}/pin")
    @Operation(summary = "Pin the session to the top of the caller's list")
    public Response pin(@PathParam("sessionId") String sessionId) {
        return prefer(sessionId, SessionService.Preference.PINNED, true);
    }

    @DELETE
    @Path("/{sessionId}/pin")
    @Operation(summary = "Unpin the session")
    public Response unpin(@PathParam("sessionId") String sessionId) {
        return prefer(sessionId, SessionService.Preference.PINNED, false);
    }

    @PUT
    @Path("/{sessionId}/mute")
    @Operation(summary = "Mute the session for the caller", description = "Muted sessions still count as unread.")
    public Response mute(@PathParam("sessionId") String sessionId) {
        return prefer(sessionId, SessionService.Preference.MUTED, true);
    }

    @DELETE
    @Path("/{sessionId}/mute")
    @Operation(summary = "Unmute the session")
    public Response unmute(@PathParam("sessionId") String sessionId) {
        return prefer(sessionId, SessionService.Preference.MUTED, false);
    }

    private Response prefer(String sessionId, SessionService.Preference preference, boolean on) {
        sessions.prefer(caller.get(), sessionId, preference, on);
        return Response.noContent().build();
    }
}
