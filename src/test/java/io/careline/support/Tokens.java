package io.careline.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;

/** Mints real RS256 tokens with the dev key pair, as an identity provider would. */
public final class Tokens {
    public static final String ISSUER = "https://careline.dev";

    private Tokens() {
    }

    public static String of(String tenant, String userId, String... roles) {
        return Jwt.issuer(ISSUER).subject(userId).claim("tenant", tenant).groups(Set.of(roles)).expiresIn(3600)
                .sign();
    }

    /** A tenant no other test class uses, so each class starts from empty data. */
    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
