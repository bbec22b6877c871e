package io.careline.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** A validly signed token with claims of the wrong type or size is a 401 naming the claim, never a 500. */
@QuarkusTest
class TokenClaimsTest {
    final String tenant = Tokens.freshTenant();

    private static JwtClaimsBuilder token() {
        return Jwt.issuer(Tokens.ISSUER).groups("doctor").expiresIn(600);
    }

    private static void refusedNaming(JwtClaimsBuilder claims, String claim, String problem) {
        given().auth().oauth2(claims.sign(Tokens.devKey())).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].field", equalTo(claim)).body("errors[0].message", equalTo(problem));
    }

    @Test
    void aTenantThatIsNotAStringIsRefused() {
        refusedNaming(token().subject("u").claim("tenant", 7), "tenant", "must be a string");
        refusedNaming(token().subject("u").claim("tenant", List.of("a", "b")), "tenant", "must be a string");
        refusedNaming(token().subject("u").claim("tenant", true), "tenant", "must be a string");
    }

    @Test
    void aNameThatIsNotAStringIsRefused() {
        refusedNaming(token().subject("u").claim("tenant", tenant).claim("name", 5), "name", "must be a string");
    }

    @Test
    void claimsLongerThanTheirColumnsAreRefused() {
        refusedNaming(token().subject("u".repeat(129)).claim("tenant", tenant), "sub", "must be at most 128 characters");
        refusedNaming(token().subject("u").claim("tenant", "t".repeat(65)), "tenant", "must be at most 64 characters");
        refusedNaming(token().subject("u").claim("tenant", tenant).claim("name", "n".repeat(129)), "name",
                "must be at most 128 characters");
    }

    @Test
    void claimsAtTheirLimitsAreAccepted() {
        String sub = "字".repeat(128);
        given().auth().oauth2(token().subject(sub).claim("tenant", "t".repeat(64)).claim("name", "名".repeat(128))
                .sign(Tokens.devKey())).get("/api/v1/me").then().statusCode(200).body("userId", equalTo(sub));
    }

    @Test
    void groupsThatAreNotStringsAreRefused() throws JoseException {
        // smallrye-jwt's builder will not write such a token, so it is signed by hand.
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"u\",\"tenant\":\"" + tenant
                + "\",\"groups\":[1,2],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}");
        jws.setKey(Tokens.devKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        given().auth().oauth2(jws.getCompactSerialization()).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aWebSocketUpgradeWithABadClaimIsRefusedBeforeItOpens() {
        given().auth().oauth2(token().subject("u").claim("tenant", 7).sign(Tokens.devKey()))
                .header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").get("/ws").then().statusCode(401)
                .contentType("application/problem+json").body("errors[0].field", equalTo("tenant"));
    }
}
