package io.careline.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;
import java.util.UUID;

/** Mints real RS256 tokens with the dev key pair, as an identity provider would. */
public final class Tokens {
    public static final String ISSUER = "https://careline.dev";

    private Tokens() {
    }

    /** The dev key pair's private key; read from the file so tests outside Quarkus can sign too. */
    private static final PrivateKey DEV_KEY = readDevKey();

    public static String of(String tenant, String userId, String... roles) {
        return Jwt.issuer(ISSUER).subject(userId).claim("tenant", tenant).groups(Set.of(roles)).expiresIn(3600)
                .sign(DEV_KEY);
    }

    /** The dev private key, for tests that shape unusual tokens themselves. */
    public static PrivateKey devKey() {
        return DEV_KEY;
    }

    private static PrivateKey readDevKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("src/dev/keys/privateKey.pem")));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the dev key pair is part of the repository", e);
        }
    }

    /** A tenant no other test class uses, so each class starts from empty data. */
    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
