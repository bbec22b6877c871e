package io.careline.consultation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.consultation.DoctorSettingsService;
import io.careline.consultation.api.DoctorSettingsView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which kinds of consultation a doctor accepts, and their first-response target. */
@Path("/api/v1/doctors/{doctorId}/consultation-settings")
@Authenticated
@Tag(name = "Consultations")
@SecurityRequirement(name = "jwt")
public class DoctorSettingsResource {
    @Inject
    DoctorSettingsService settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A doctor's consultation settings", description = "Never set: every kind, no target.")
    public DoctorSettingsView get(@PathParam("doctorId") @Identifier String doctorId) {
        return settings.get(caller.get(), doctorId);
    }

    @PUT
    @Operation(summary = "Replace a doctor's consultation settings (the doctor, a service or an admin)")
    public DoctorSettingsView put(@PathParam("doctorId") @Identifier String doctorId,
            @Valid @NotNull DoctorSettingsView request) {
        return settings.put(caller.get(), doctorId, request);
    }
}
