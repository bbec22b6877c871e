package io.careline.console;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web console's settings, read before sign-in (the console itself is static, at /console/). */
@Path("/api/v1/console/settings")
@PermitAll
@Tag(name = "Console")
public class ConsoleResource {
    @Inject
    ConsoleConfig config;

    @Inject
    Instance<DemoUsers> demoUsers;

    @GET
    @Operation(summary = "How the console signs people in (no token needed)",
            description = "The OpenID Connect issuer and client id when configured; in dev mode also the demo users.")
    public ConsoleSettings settings() {
        ConsoleSettings.Oidc oidc = config.issuer().isPresent() && config.clientId().isPresent()
                ? new ConsoleSettings.Oidc(config.issuer().get(), config.clientId().get(), config.scope()) : null;
        return new ConsoleSettings(oidc, demoUsers.isResolvable() ? demoUsers.get().users() : null);
    }
}
