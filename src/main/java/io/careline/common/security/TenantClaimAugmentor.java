package io.careline.common.security;

import io.careline.common.problem.InvalidTokenClaim;
import io.careline.common.wire.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401, naming the claim) a signed token whose claims Careline cannot use: {@code sub} (or instead an
 * external platform's user, see {@link ExternalIdentities}) and {@code tenant} must be identifiers that fit
 * their columns, and {@code name} short text
 * (smallrye-jwt itself refuses {@code groups} that are not strings).
 * Every row and query is scoped to the tenant, so nothing past this point has to doubt them.
 */
@ApplicationScoped
public class TenantClaimAugmentor implements SecurityIdentityAugmentor {
    /** Longest tenant id (the tenant_id columns). */
    public static final int MAX_TENANT = 64;
    /** Longest user id (the user id columns). */
    public static final int MAX_SUBJECT = 128;
    /** Longest display name (users.display_name). */
    public static final int MAX_NAME = 128;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        try {
            subject(jwt);
            identifier(jwt, CurrentCaller.TENANT_CLAIM, MAX_TENANT);
            displayName(jwt);
        } catch (InvalidTokenClaim refused) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refused.getMessage(), refused));
        }
        return Uni.createFrom().item(identity);
    }

    /** Either {@code sub}, or an external platform's pair (docs/consultations.md): one of them, not both. */
    private static void subject(JsonWebToken jwt) {
        Object platform = jwt.getClaim(ExternalIdentities.PLATFORM_CLAIM);
        Object platformUser = jwt.getClaim(ExternalIdentities.PLATFORM_USER_CLAIM);
        if (platform == null && platformUser == null) {
            identifier(jwt, "sub", MAX_SUBJECT);
            return;
        }
        if (jwt.getClaim("sub") != null) {
            throw new InvalidTokenClaim("sub", "must be absent when the token names a platform user");
        }
        if (!(platform instanceof String platformName) || !(platformUser instanceof String platformUserId)) {
            throw new InvalidTokenClaim(ExternalIdentities.PLATFORM_CLAIM,
                    "platform and platform_user_id must both be strings");
        }
        String problem = ExternalIdentities.problem(platformName, platformUserId);
        if (problem != null) {
            throw new InvalidTokenClaim(ExternalIdentities.PLATFORM_CLAIM, problem);
        }
    }

    private static void identifier(JsonWebToken jwt, String claim, int maxLength) {
        Object value = jwt.getClaim(claim);
        if (value == null) {
            throw new InvalidTokenClaim(claim, "is required");
        }
        if (!(value instanceof String text)) {
            throw new InvalidTokenClaim(claim, "must be a string");
        }
        String problem = Text.identifierProblem(text, maxLength);
        if (problem != null) {
            throw new InvalidTokenClaim(claim, problem);
        }
    }

    private static void displayName(JsonWebToken jwt) {
        Object value = jwt.getClaim("name");
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            throw new InvalidTokenClaim("name", "must be a string");
        }
        String problem = Text.displayTextProblem(text, MAX_NAME);
        if (problem != null) {
            throw new InvalidTokenClaim("name", problem);
        }
    }
}
