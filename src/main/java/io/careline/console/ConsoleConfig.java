package io.careline.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the web console signs people in: the hospital's OpenID Connect provider (docs/console.md). */
@ConfigMapping(prefix = "careline.console.oidc")
public interface ConsoleConfig {
    /** The provider's issuer URL; its /.well-known/openid-configuration is read by the browser. */
    Optional<String> issuer();

    /** The console's client id at the provider: a public client, authorization code with PKCE. */
    Optional<String> clientId();

    /** The scopes asked for; the access token must carry Careline's claims (sub, tenant, groups). */
    @WithDefault("openid")
    String scope();
}
