package io.careline.notification.rest;

import io.careline.common.security.Caller;
import io.careline.common.security.CurrentCaller;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.UnreadView;
import io.careline.notification.InboxService;
import io.careline.notification.api.BadgeView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's app badge: it counts messages and notifications, so it lives with the feature that knows both. */
@Path("/api/v1/me/unread")
@Authenticated
@Tag(name = "Read state")
@SecurityRequirement(name = "jwt")
public class UnreadResource {
    @Inject
    ReadStateService readState;

    @Inject
    InboxService inbox;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The app badge: unread messages plus unread notifications",
            description = "Own messages and system notices never count as unread; notifications count while not "
                    + "read, archived or expired. sessions lists the sessions with unread messages.")
    public BadgeView unread() {
        Caller me = caller.get();
        UnreadView messages = readState.unread(me);
        long notifications = inbox.unreadCount(me);
        return new BadgeView(messages.total() + notifications, messages.total(), notifications, messages.sessions());
    }
}
