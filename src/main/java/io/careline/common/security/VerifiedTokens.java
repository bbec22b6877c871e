package io.careline.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were already verified, keyed by the exact token text, so a client
 * that reuses its token is not re-verified on every request. An entry is used only before the token's
 * own expiry; any other token text, tampered or not, is a miss and is verified in full.
 */
public final class VerifiedTokens {
    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    public VerifiedTokens(int maximumSize, Duration ttl, Clock clock) {
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).build();
        this.clock = clock;
    }

    /** The remembered token if still unexpired, else the result of {@code verify}, remembered. */
    public <E extends Exception> JsonWebToken get(String token, Verifier<E> verify) throws E {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = verify.apply(token);
        verified.put(token, fresh);
        return fresh;
    }

    /** Full verification of a token. */
    @FunctionalInterface
    public interface Verifier<E extends Exception> {
        JsonWebToken apply(String token) throws E;
    }
}
