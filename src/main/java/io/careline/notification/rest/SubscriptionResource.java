package io.careline.notification.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.notification.SubscriptionService;
import io.careline.notification.api.RoomsRequest;
import io.careline.notification.api.SubscriptionResult;
import io.careline.notification.api.SubscriptionsView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's room subscriptions (the same as the WebSocket's subscribe and unsubscribe frames). */
@Path("/api/v1/me/subscriptions")
@Authenticated
@Tag(name = "Notification settings")
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {
    @Inject
    SubscriptionService subscriptions;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The rooms the caller is subscribed to")
    public SubscriptionsView list() {
        return new SubscriptionsView(subscriptions.rooms(caller.get()));
    }

    @POST
    @Operation(summary = "Subscribe to rooms",
            description = "Each room is granted or refused on its own (ROOM_INVALID, ROOM_FORBIDDEN, "
                    + "LIMIT_EXCEEDED): tenant, role:{role}, department:{name}, patient:{userId}.")
    public SubscriptionResult subscribe(@Valid @NotNull RoomsRequest request) {
        return subscriptions.subscribe(caller.get(), request.rooms());
    }

    @DELETE
    @Operation(summary = "Unsubscribe from rooms", description = "Answers the rooms still subscribed.")
    public SubscriptionsView unsubscribe(@QueryParam("room") @Parameter(description = "Repeat for several rooms")
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 200) String> rooms) {
        return new SubscriptionsView(subscriptions.unsubscribe(caller.get(), rooms));
    }
}
