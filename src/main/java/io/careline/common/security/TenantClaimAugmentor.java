package io.careline.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses (401) a token without a subject or tenant claim: every row and query is scoped to a tenant. */
@ApplicationScoped
public class TenantClaimAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (isBlank(jwt.getClaim(CurrentCaller.TENANT_CLAIM)) || isBlank(jwt.getSubject())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token lacks sub or tenant"));
        }
        return Uni.createFrom().item(identity);
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
