package io.careline.common.security;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stranger, of this tenant or another, learns nothing about a session and changes nothing. */
@QuarkusTest
class AuthorizationTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "root", "admin");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");
    final Actor strangerDoctor = Actor.of(tenant, "dr-x", "doctor");
    final Actor strangerPatient = Actor.of(tenant, "pat-x", "patient");
    final String otherTenant = Tokens.freshTenant();
    final Actor foreignService = Actor.of(otherTenant, "his", "service");
    final Actor foreignParticipant = Actor.of(otherTenant, "pat-a", "patient");

    @BeforeEach
    void privateSession() {
        createSession(his, "private", "consultation", "pat-a:patient", "dr-a:doctor");
        sendText(doctor, "private", "confidential");
        patient.req().body(Map.of("id", "topic-private")).post("/api/v1/sessions/private/topics").then().statusCode(201);
    }

    @Test
    void strangersOfTheSameTenantGetNotFoundEverywhere() {
        for (Actor stranger : List.of(strangerDoctor, strangerPatient)) {
            assertSeesNothing(stranger);
        }
    }

    @Test
    void callersOfAnotherTenantGetNotFoundEvenAsServiceOrWithTheSameUserId() {
        for (Actor foreigner : List.of(foreignService, foreignParticipant)) {
            assertSeesNothing(foreigner);
        }
        foreignService.req().body(Map.of("userId", "x")).post("/api/v1/sessions/private/participants").then()
                .statusCode(404);
        foreignService.req().delete("/api/v1/sessions/private/participants/pat-a").then().statusCode(404);
        foreignService.req().body(Map.of("name", "hijacked")).patch("/api/v1/sessions/private").then().statusCode(404);
        foreignService.req().get("/api/v1/users/dr-a").then().statusCode(404);
        his.req().get("/api/v1/sessions/private/participants").then().body("userId", hasSize(2));
        his.req().get("/api/v1/sessions/private").then().body("lastSeq", equalTo(2));
    }

    @Test
    void managersOfTheTenantMayReadAndManageAnySession() {
        admin.req().get("/api/v1/sessions/private/messages").then().statusCode(200).body("items", hasSize(2));
        admin.req().body(Map.of("name", "Audited")).patch("/api/v1/sessions/private").then().statusCode(200);
        his.req().body(Map.of("userId", "nurse-n", "role", "nurse")).post("/api/v1/sessions/private/participants")
                .then().statusCode(201);
    }

    @Test
    void onlyServiceAndAdminUpsertProfiles() {
        for (Actor notAllowed : List.of(doctor, patient)) {
            notAllowed.req().body(Map.of("role", "doctor")).put("/api/v1/users/someone").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        }
        his.req().get("/api/v1/users/someone").then().statusCode(404);
        admin.req().body(Map.of("role", "doctor")).put("/api/v1/users/someone").then().statusCode(201);
    }

    private static void assertSeesNothing(Actor stranger) {
        stranger.req().get("/api/v1/sessions/private").then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        stranger.req().get("/api/v1/sessions/private/messages").then().statusCode(404);
        stranger.req().get("/api/v1/sessions/private/messages/1").then().statusCode(404);
        stranger.req().get("/api/v1/sessions/private/participants").then().statusCode(404);
        stranger.req().body(Map.of("type", "text", "content", Map.of("text", "let me in")))
                .post("/api/v1/sessions/private/messages").then().statusCode(404);
        stranger.req().body(Map.of("seq", 1)).post("/api/v1/sessions/private/read").then().statusCode(404);
        stranger.req().put("/api/v1/sessions/private/pin").then().statusCode(404);
        stranger.req().post("/api/v1/sessions/private/topics/topic-private/end").then().statusCode(404);
        stranger.req().get("/api/v1/topics/topic-private").then().statusCode(404);
        stranger.req().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(0));
        stranger.req().get("/api/v1/me/unread").then().body("total", equalTo(0));
        stranger.req().get("/api/v1/topics?state=unreplied").then().body("items", hasSize(0));
    }
}
