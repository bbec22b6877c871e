package io.careline.dev;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dev token endpoint is built into dev mode only; any other build answers 404. */
@QuarkusTest
class DevOnlyTest {
    @Test
    void theTokenEndpointDoesNotExistOutsideDevMode() {
        given().get("/dev/token?user=dr-wang&role=admin").then().statusCode(404);
    }
}
