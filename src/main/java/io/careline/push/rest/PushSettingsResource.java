package io.careline.push.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.push.PushSettingsService;
import io.careline.push.api.PushSettingsView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's push wording (admin). */
@Path("/api/v1/push/settings")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Push")
@SecurityRequirement(name = "jwt")
public class PushSettingsResource {
    @Inject
    PushSettingsService settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's push wording settings (admin)")
    public PushSettingsView get() {
        return settings.get(caller.get());
    }

    @PUT
    @Operation(summary = "Replace the tenant's push wording settings (admin)")
    public PushSettingsView put(@Valid @NotNull PushSettingsView request) {
        return settings.put(caller.get(), request);
    }
}
