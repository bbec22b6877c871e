package io.careline.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant the current unit of work runs for: the caller's tenant claim, or one set explicitly by
 * work that has no caller (start-up data, background jobs).
 */
@RequestScoped
public class CurrentTenant {
    @Inject
    SecurityIdentity identity;

    private String explicit;

    public void use(String tenant) {
        this.explicit = tenant;
    }

    public Optional<String> get() {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.getClaim(CurrentCaller.TENANT_CLAIM));
        }
        return Optional.empty();
    }
}
