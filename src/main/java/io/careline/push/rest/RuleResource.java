package io.careline.push.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.Role;
import io.careline.push.api.PreviewRequest;
import io.careline.push.api.PushText;
import io.careline.push.api.RuleRequest;
import io.careline.push.api.RuleView;
import io.careline.push.rules.RuleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's push rules (admin): business events become notifications through them. */
@Path("/api/v1/push/rules")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Push rules")
@SecurityRequirement(name = "jwt")
public class RuleResource {
    @Inject
    RuleService rules;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's rules, by scenario (admin)")
    public List<RuleView> list() {
        return rules.list(caller.get());
    }

    @POST
    @Operation(summary = "Create a rule (admin)",
            description = "Its texts may name only the allow-listed fields; RULE_CONFLICT for a scenario in use.")
    public Response create(@Valid @NotNull RuleRequest request) {
        return rules.create(caller.get(), request).toResponse();
    }

    @POST
    @Path("/import")
    @Operation(summary = "Create the rules of a rule set whose scenarios the tenant does not have yet (admin)",
            description = "Each rule is checked as by create; one refused rule refuses the set. Answers how many "
                    + "were created. docs/push.md loads seed 001's home-nursing scenarios this way.")
    public Map<String, Integer> importAll(@NotNull @Size(max = 200) List<@Valid @NotNull RuleRequest> rules) {
        return Map.of("created", this.rules.importAll(caller.get(), rules));
    }

    @GET
    @Path("/{ruleId}")
    @Operation(summary = "One rule (admin)")
    public RuleView get(@PathParam("ruleId") String ruleId) {
        return rules.get(caller.get(), ruleId);
    }

    @PUT
    @Path("/{ruleId}")
    @Operation(summary = "Replace a rule (admin)", description = "Timers it already scheduled still fire.")
    public RuleView replace(@PathParam("ruleId") String ruleId, @Valid @NotNull RuleRequest request) {
        return rules.replace(caller.get(), ruleId, request);
    }

    @DELETE
    @Path("/{ruleId}")
    @Operation(summary = "Delete a rule (admin)")
    public Response delete(@PathParam("ruleId") String ruleId) {
        rules.delete(caller.get(), ruleId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{ruleId}/preview")
    @Operation(summary = "Render a rule's texts for a sample event, by channel (admin)")
    public Map<String, PushText> preview(@PathParam("ruleId") String ruleId, @Valid PreviewRequest sample) {
        return rules.preview(caller.get(), ruleId, sample);
    }
}
