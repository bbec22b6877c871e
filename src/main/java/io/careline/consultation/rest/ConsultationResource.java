package io.careline.consultation.rest;

import static io.careline.common.wire.QueryParameters.choice;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.consultation.ConsultationService;
import io.careline.consultation.api.ConsultationPage;
import io.careline.consultation.api.ConsultationView;
import io.careline.consultation.api.InitiateConsultationRequest;
import io.careline.consultation.model.ConsultationFilter;
import io.careline.consultation.model.ConsultationKind;
import io.careline.consultation.model.ConsultationStatus;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 002's consultations: initiate one for a doctor and patient, read it, list the caller's with counts. */
@Path("/api/v1/consultations")
@Authenticated
@Tag(name = "Consultations")
@SecurityRequirement(name = "jwt")
public class ConsultationResource {
    @Inject
    ConsultationService consultations;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Initiate a consultation (the patient for themselves, or a service or admin)",
            description = "Answers the pair's open consultation (200, isOld true) or creates what is missing: the care"
                    + " relation, the pair's session, the topic (201, isOld false). doctorSeesAt tells the patient when"
                    + " the doctor's hours let them hear of it.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "200", description = "The open consultation",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    public Response initiate(@Valid @NotNull InitiateConsultationRequest request) {
        return consultations.initiate(caller.get(), request).toResponse();
    }

    @GET
    @Operation(summary = "The caller's consultations, newest first, with the workbench counts",
            description = "A doctor sees those they were asked, a patient those they asked, services and admins the"
                    + " tenant's. The counts cover the whole list whatever its status filter.")
    public ConsultationPage list(
            @QueryParam("status") @Parameter(description = "new, replying or ended") String status,
            @QueryParam("kind") @Parameter(description = "text, phone or video") String kind,
            @QueryParam("doctorId") @Identifier String doctorId,
            @QueryParam("patientId") @Identifier String patientId,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") String cursor) {
        ConsultationFilter filter = new ConsultationFilter(doctorId, patientId,
                choice(ConsultationKind.class, "kind", kind), choice(ConsultationStatus.class, "status", status));
        return consultations.list(caller.get(), filter, pageLimits.resolve(limit), cursor);
    }

    @GET
    @Path("/{consultationId}")
    @Operation(summary = "One consultation of the caller's")
    public ConsultationView get(@PathParam("consultationId") @Identifier String consultationId) {
        return consultations.get(caller.get(), consultationId);
    }
}
