package io.careline.notification.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.notification.SettingsService;
import io.careline.notification.api.NotificationSettings;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notification settings and quiet hours. */
@Path("/api/v1/me/notification-settings")
@Authenticated
@Tag(name = "Notification settings")
@SecurityRequirement(name = "jwt")
public class NotificationSettingsResource {
    @Inject
    SettingsService settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Every type with the caller's setting, and their quiet hours")
    public NotificationSettings get() {
        return settings.get(caller.get());
    }

    @PUT
    @Operation(summary = "Replace the settings of the listed types and the quiet hours",
            description = "Types not listed keep their settings; quietHours null removes them. A disabled type "
                    + "and quiet hours make notifications arrive silent and never pushed offline; urgent ones "
                    + "ignore both.")
    public NotificationSettings put(@Valid @NotNull NotificationSettings request) {
        return settings.put(caller.get(), request);
    }
}
