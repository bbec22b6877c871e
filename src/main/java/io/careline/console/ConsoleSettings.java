package io.careline.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the console's sign-in page needs to know before anyone is signed in. */
@RegisterForReflection
public record ConsoleSettings(
        @Schema(description = "The identity provider; absent when none is configured") Oidc oidc,
        @Schema(description = "Dev mode only: demo users to sign in as through /dev/token") List<DevUser> devUsers) {

    /** The OpenID Connect provider and the console's client there. */
    @RegisterForReflection
    public record Oidc(String issuer, String clientId, String scope) {
    }

    /** A demo user of dev mode. */
    @RegisterForReflection
    public record DevUser(String userId, String role, String tenant) {
    }
}
