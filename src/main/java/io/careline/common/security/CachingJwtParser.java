package io.careline.common.security;

import io.careline.common.config.SecurityConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser with {@link VerifiedTokens} in front of {@link #parse(String)}: RS256 verification
 * was the largest single CPU cost of a REST send (28 % of the server in the benchmark profile), and apps
 * reuse one token for its whole lifetime. Every other operation goes straight to the standard parser. Both make
 * {@link CarelinePrincipal}s.
 */
@Alternative
@Priority(1)
@Singleton
public class CachingJwtParser implements JWTParser {
    private final DefaultJWTParser delegate;
    private final VerifiedTokens verified;

    @Inject
    CachingJwtParser(JWTAuthContextInfo authContext, SecurityConfig config) {
        this.delegate = new DefaultJWTParser(authContext, new CarelinePrincipalFactory());
        this.verified = config.verifiedTokenCacheSize() > 0
                ? new VerifiedTokens(config.verifiedTokenCacheSize(), config.verifiedTokenCacheTtl(), Clock.systemUTC())
                : null;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified == null ? delegate.parse(token) : verified.get(token, delegate::parse);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
