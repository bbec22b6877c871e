package io.careline.common.security;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two hospitals may use the same ids for sessions, topics and users without ever seeing each other's rows. */
@QuarkusTest
class TenantIsolationTest {
    final String north = Tokens.freshTenant();
    final String south = Tokens.freshTenant();

    @Test
    void sameIdsInTwoTenantsAreTwoIndependentWorlds() {
        Actor northService = Actor.of(north, "his", "service");
        Actor southService = Actor.of(south, "his", "service");
        Actor northDoctor = Actor.of(north, "dr-same", "doctor");
        Actor southDoctor = Actor.of(south, "dr-same", "doctor");
        Actor northPatient = Actor.of(north, "pat-same", "patient");
        Actor southPatient = Actor.of(south, "pat-same", "patient");

        northService.req().body(Map.of("displayName", "North doctor", "role", "doctor")).put("/api/v1/users/dr-same")
                .then().statusCode(201);
        southService.req().body(Map.of("displayName", "South doctor", "role", "doctor")).put("/api/v1/users/dr-same")
                .then().statusCode(201);
        createSession(northService, "shared-id", "consultation", "pat-same:patient", "dr-same:doctor");
        createSession(southService, "shared-id", "p2p", "pat-same:patient", "dr-same:doctor");
        northPatient.req().body(Map.of("id", "topic-same")).post("/api/v1/sessions/shared-id/topics").then().statusCode(201);
        southPatient.req().body(Map.of("id", "topic-same")).post("/api/v1/sessions/shared-id/topics").then().statusCode(201);
        sendText(northDoctor, "shared-id", "north only");
        sendText(southDoctor, "shared-id", "south one");
        sendText(southDoctor, "shared-id", "south two");

        northPatient.req().get("/api/v1/sessions/shared-id").then().body("type", equalTo("consultation"))
                .body("lastSeq", equalTo(2)).body("unread", equalTo(1));
        southPatient.req().get("/api/v1/sessions/shared-id").then().body("type", equalTo("p2p"))
                .body("lastSeq", equalTo(3)).body("unread", equalTo(2));
        northPatient.req().get("/api/v1/sessions/shared-id/messages").then()
                .body("items.content.text", contains(null, "north only"));
        northPatient.req().get("/api/v1/me/unread").then().body("total", equalTo(1));
        northDoctor.req().get("/api/v1/users/dr-same").then().body("displayName", equalTo("North doctor"));
        southDoctor.req().get("/api/v1/users/dr-same").then().body("displayName", equalTo("South doctor"));
        northDoctor.req().get("/api/v1/topics?state=in_progress").then().body("items.sessionId", contains("shared-id"));
        northDoctor.req().get("/api/v1/topics/counts").then().body("inProgress", equalTo(1));
    }
}
