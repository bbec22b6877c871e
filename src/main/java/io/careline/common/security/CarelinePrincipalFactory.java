package io.careline.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.consumer.JwtContext;

/** Verifies a token as smallrye-jwt does and wraps its claims in a {@link CarelinePrincipal}. */
final class CarelinePrincipalFactory extends JWTCallerPrincipalFactory {
    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext verified = parser.parse(token, authContextInfo);
        return new CarelinePrincipal(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
    }
}
