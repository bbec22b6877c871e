package io.careline.consultation.rest;

import static io.careline.common.wire.QueryParameters.choice;
import static io.careline.common.wire.QueryParameters.flag;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.Identifier;
import io.careline.consultation.CareRelationService;
import io.careline.consultation.api.CareRelationPage;
import io.careline.consultation.api.CareRelationView;
import io.careline.consultation.api.PatchCareRelationRequest;
import io.careline.consultation.model.CareGroup;
import io.careline.consultation.model.CareRelationFilter;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling doctor's patients: care relations with tags, remark, groups, follow and block. */
@Path("/api/v1/doctors/me/patients")
@Authenticated
@Tag(name = "Consultations")
@SecurityRequirement(name = "jwt")
public class DoctorPatientResource {
    @Inject
    CareRelationService relations;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The calling doctor's patients, most recently changed first")
    public CareRelationPage list(@QueryParam("tag") @Identifier(max = 32) String tag,
            @QueryParam("group") @Parameter(description = "normal, followed, paid or vip") String group,
            @QueryParam("followed") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String followed,
            @QueryParam("blocked") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String blocked,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") String cursor) {
        CareRelationFilter filter = new CareRelationFilter(tag, choice(CareGroup.class, "group", group),
                flag("followed", followed), flag("blocked", blocked));
        return relations.list(caller.get(), filter, pageLimits.resolve(limit), cursor);
    }

    @GET
    @Path("/{patientId}")
    @Operation(summary = "What the calling doctor keeps about one patient")
    public CareRelationView get(@PathParam("patientId") @Identifier String patientId) {
        return relations.get(caller.get(), patientId);
    }

    @PATCH
    @Path("/{patientId}")
    @Operation(summary = "Change tags, remark, groups, follow or block; absent fields stay",
            description = "Blocking stops the patient initiating with this doctor and sending into their"
                    + " consultation sessions.")
    public CareRelationView patch(@PathParam("patientId") @Identifier String patientId,
            @Valid @NotNull PatchCareRelationRequest request) {
        return relations.patch(caller.get(), patientId, request);
    }
}
