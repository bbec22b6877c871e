package io.careline.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes the real endpoints, with enums as they travel on the wire. */
@QuarkusTest
class OpenApiTest {
    @Test
    void describesTheApiWithWireNames() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/sessions/{sessionId}/messages'.post", notNullValue())
                .body("paths.'/api/v1/topics'.get", notNullValue())
                .body("paths.'/api/v1/me/unread'.get", notNullValue())
                .body("components.schemas.SessionType.enum", hasItems("consultation", "p2p", "online_revisit_video"))
                .body("components.schemas.TopicState.enum", hasItems("unreplied", "in_progress", "ended"))
                .body("components.schemas.Role.enum", hasItems("patient", "service"));
    }
}
