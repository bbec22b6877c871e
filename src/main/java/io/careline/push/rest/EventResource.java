package io.careline.push.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.push.api.EventRequest;
import io.careline.push.api.EventResult;
import io.careline.push.rules.EventService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business events from hospital systems (service role). */
@Path("/api/v1/events")
@RolesAllowed(Role.SERVICE_NAME)
@Tag(name = "Push rules")
@SecurityRequirement(name = "jwt")
public class EventResource {
    @Inject
    EventService events;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Report an entity's state change (service)",
            description = "202 with the rules it matched, the notifications they sent and when timeout rules fire. "
                    + "A repeated eventId answers the first answer; an event older than the entity's last is "
                    + "recorded as stale and not acted on. A refused notification refuses the whole event.")
    public Response accept(@Valid @NotNull EventRequest request) {
        EventResult result = events.accept(caller.get(), request);
        return Response.accepted(result).build();
    }
}
