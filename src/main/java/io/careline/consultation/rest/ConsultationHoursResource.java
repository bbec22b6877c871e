package io.careline.consultation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.consultation.ConsultationHoursService;
import io.careline.consultation.api.ConsultationHoursView;
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

/** A doctor's consultation hours, which gate the new-consultation push. */
@Path("/api/v1/doctors/{doctorId}/consultation-hours")
@Authenticated
@Tag(name = "Push")
@SecurityRequirement(name = "jwt")
public class ConsultationHoursResource {
    @Inject
    ConsultationHoursService hours;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A doctor's weekly consultation hours", description = "No windows: always open.")
    public ConsultationHoursView get(@PathParam("doctorId") @Identifier String doctorId) {
        return hours.get(caller.get(), doctorId);
    }

    @PUT
    @Operation(summary = "Replace a doctor's consultation hours (the doctor, a service or an admin)",
            description = "Outside the windows a new consultation's push waits for the next window's start.")
    public ConsultationHoursView put(@PathParam("doctorId") @Identifier String doctorId,
            @Valid @NotNull ConsultationHoursView request) {
        return hours.put(caller.get(), doctorId, request);
    }
}
