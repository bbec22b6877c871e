package io.careline.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The console's static files and sign-in settings, served without a token; no demo users outside dev mode. */
@QuarkusTest
class ConsoleSettingsTest {
    @Test
    void theSignInSettingsNameTheProviderAndNoDemoUsers() {
        given().get("/api/v1/console/settings").then().statusCode(200)
                .body("oidc.issuer", is("https://idp.example.org/realms/hospital"))
                .body("oidc.clientId", is("careline-console"))
                .body("oidc.scope", is("openid"))
                .body("devUsers", nullValue());
    }

    @Test
    void theConsoleAndTheSdkAreServedAsStaticFiles() {
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", "/console/");
        given().get("/console/").then().statusCode(200).header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").body(containsString("<title>Careline console</title>"));
        given().get("/sdk/careline.js").then().statusCode(200).body(containsString("class CarelineClient"));
        given().get("/sdk/careline.d.ts").then().statusCode(200).body(containsString("CarelineOptions"));
    }
}
