package io.careline.dev;

import io.careline.common.security.CurrentCaller;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dev mode only: signs a token for any user, role and tenant with the dev key, so newcomers can try the API. */
@IfBuildProfile("dev")
@Path("/dev/token")
@PermitAll
@Tag(name = "Dev")
public class DevTokenResource {
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A bearer token for a demo user (dev mode only)")
    public String token(@QueryParam("user") @NotBlank String user,
            @QueryParam("role") @NotBlank String role,
            @QueryParam("tenant") String tenant) {
        return Jwt.issuer(issuer).subject(user).groups(Set.of(role))
                .claim(CurrentCaller.TENANT_CLAIM, tenant == null ? DemoData.TENANT : tenant)
                .expiresIn(24 * 3600).sign();
    }
}
