package io.careline.support.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.common.security.ExternalIdentities;
import io.careline.common.wire.Identifier;
import io.careline.support.IdentityService;
import io.careline.support.api.IdentityRequest;
import io.careline.support.api.IdentityView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 004's customers by platform and platform user id, registered by hospital systems. */
@Path("/api/v1/support/identities/{platform}/{platformUserId}")
@Authenticated
@Tag(name = "Support desk")
@SecurityRequirement(name = "jwt")
public class IdentityResource {
    @Inject
    IdentityService identities;

    @Inject
    CurrentCaller caller;

    @PUT
    @Operation(summary = "Register a platform's user with nickname and avatar (services and admins)",
            description = "They talk as ext:<platform>:<platformUserId>; a token may carry the pair instead of sub.")
    public IdentityView put(@PathParam("platform") @Pattern(regexp = ExternalIdentities.PLATFORM_PATTERN) String platform,
            @PathParam("platformUserId") @Identifier(max = ExternalIdentities.MAX_PLATFORM_USER_ID) String platformUserId,
            @Valid @NotNull IdentityRequest request) {
        return identities.put(caller.get(), platform, platformUserId, request);
    }

    @GET
    @Operation(summary = "A registered platform user (services and admins)")
    public IdentityView get(@PathParam("platform") @Pattern(regexp = ExternalIdentities.PLATFORM_PATTERN) String platform,
            @PathParam("platformUserId") @Identifier(max = ExternalIdentities.MAX_PLATFORM_USER_ID) String platformUserId) {
        return identities.get(caller.get(), platform, platformUserId);
    }
}
