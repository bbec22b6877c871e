package io.careline.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {
    final String tenant = Tokens.freshTenant();

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(Tokens.of(tenant, "u-1", "doctor")).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo("u-1")).body("role", equalTo("doctor"));
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheCachingParserIntoCarelinePrincipals() throws Exception {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        assertThat(parser.parse(Tokens.of(tenant, "u-1", "doctor"))).isInstanceOf(CarelinePrincipal.class)
                .extracting(token -> token.getClaim("tenant")).isEqualTo(tenant);
    }

    @Test
    void noTokenIsRefused() {
        given().get("/api/v1/sessions").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void expiredTokenIsRefused() {
        refused(Jwt.issuer(Tokens.ISSUER).subject("u-1").claim("tenant", tenant).groups("doctor")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void wrongIssuerIsRefused() {
        refused(Jwt.issuer("https://evil.example").subject("u-1").claim("tenant", tenant).groups("doctor").sign());
    }

    @Test
    void tokenWithoutTenantIsRefused() {
        refused(Jwt.issuer(Tokens.ISSUER).subject("u-1").groups("doctor").sign());
    }

    @Test
    void tamperedTokenIsRefused() {
        String[] parts = Tokens.of(tenant, "u-1", "patient").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"patient\"", "\"admin\"");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        refused(String.join(".", parts));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(Jwt.issuer(Tokens.ISSUER).subject("u-1").claim("tenant", tenant).groups(Set.of("admin"))
                .sign(generator.generateKeyPair().getPrivate()));
    }
}
