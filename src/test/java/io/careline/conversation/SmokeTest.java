package io.careline.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.careline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {
    @Test
    void createAndSend() {
        String tenant = Tokens.freshTenant();
        String svc = Tokens.of(tenant, "his", "service");
        given().auth().oauth2(svc).contentType(ContentType.JSON)
                .body("{\"id\":\"s1\",\"type\":\"consultation\",\"participants\":[{\"userId\":\"p1\",\"role\":\"patient\"},{\"userId\":\"d1\",\"role\":\"doctor\"}]}")
                .post("/api/v1/sessions").then().log().ifValidationFails().statusCode(201);
        String d1 = Tokens.of(tenant, "d1", "doctor");
        given().auth().oauth2(d1).contentType(ContentType.JSON)
                .body("{\"type\":\"text\",\"content\":{\"text\":\"hi\"},\"clientMsgId\":\"c1\"}")
                .post("/api/v1/sessions/s1/messages").then().log().all().statusCode(201).body("seq", equalTo(1));
        String p1 = Tokens.of(tenant, "p1", "patient");
        given().auth().oauth2(p1).get("/api/v1/me/unread").then().log().all().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(p1).get("/api/v1/sessions").then().log().all().statusCode(200);
    }
}
