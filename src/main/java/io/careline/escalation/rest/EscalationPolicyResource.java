package io.careline.escalation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.common.wire.Identifier;
import io.careline.escalation.PolicyService;
import io.careline.escalation.api.EscalationPolicyRequest;
import io.careline.escalation.api.EscalationPolicyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's escalation policies (admins). */
@Path("/api/v1/escalation-policies")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Escalation")
@SecurityRequirement(name = "jwt")
public class EscalationPolicyResource {
    @Inject
    PolicyService policies;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's escalation policies (admin)")
    public List<EscalationPolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("/{policyId}")
    @Operation(summary = "One escalation policy (admin)")
    public EscalationPolicyView get(@PathParam("policyId") @Identifier String policyId) {
        return policies.get(policyId);
    }

    @PUT
    @Path("/{policyId}")
    @Operation(summary = "Create or replace an escalation policy (admin)",
            description = "steps [{afterSeconds, action: repeat | notify_role (role or department) | next_oncall "
                    + "(rosterId)}], each later than the one before, counted from the send. A step fires only while "
                    + "the recipient has not acknowledged. Attached to notificationType and/or priority, or named "
                    + "by a send's escalationPolicyId. sms and email are refused until those channels exist. 201 "
                    + "when new, else 200.")
    public Response put(@PathParam("policyId") @Identifier String policyId,
            @Valid @NotNull EscalationPolicyRequest request) {
        PolicyService.Saved saved = policies.put(caller.get(), policyId, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.policy())
                .build();
    }

    @DELETE
    @Path("/{policyId}")
    @Operation(summary = "Delete an escalation policy and the steps still waiting on it (admin)")
    public Response delete(@PathParam("policyId") @Identifier String policyId) {
        policies.delete(policyId);
        return Response.noContent().build();
    }
}
