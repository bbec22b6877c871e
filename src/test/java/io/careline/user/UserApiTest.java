package io.careline.user;

import static io.careline.testing.Conversations.createSession;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");

    @Test
    void upsertCreatesThenReplaces() {
        his.req().body(Map.of("displayName", "Dr Wang", "role", "doctor", "department", "Cardiology",
                "avatarUrl", "https://cdn.example/wang.png", "clientType", "pc_doctor"))
                .put("/api/v1/users/dr-wang").then().statusCode(201)
                .body("displayName", equalTo("Dr Wang")).body("department", equalTo("Cardiology"));
        his.req().body(Map.of("displayName", "Dr Wang Wei", "role", "doctor"))
                .put("/api/v1/users/dr-wang").then().statusCode(200)
                .body("displayName", equalTo("Dr Wang Wei")).body("department", nullValue());
    }

    @Test
    void aUserFirstSeenInATokenIsCreatedFromItsClaims() {
        Actor nurse = Actor.of(tenant, "nurse-new", "nurse");
        nurse.req().get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo("nurse-new")).body("role", equalTo("nurse"));
        his.req().get("/api/v1/users/nurse-new").then().statusCode(200).body("role", equalTo("nurse"));
    }

    @Test
    void aCrowdOfFirstSeenCallersGetsOneProfileEachAndKnownProfilesStayAsTheyAre() {
        his.req().body(Map.of("displayName", "Dr Known", "role", "doctor")).put("/api/v1/users/crowd-known")
                .then().statusCode(201);
        List<Actor> crowd = new ArrayList<>(IntStream.range(0, 30)
                .mapToObj(i -> Actor.of(tenant, "crowd-" + i, i % 2 == 0 ? "nurse" : "patient")).toList());
        crowd.add(Actor.of(tenant, "crowd-known", "patient"));
        crowd.add(Actor.of(tenant, "CROWD-0", "doctor"));
        crowd.parallelStream().forEach(caller -> caller.req().get("/api/v1/me").then().statusCode(200));

        for (int i = 0; i < 30; i++) {
            his.req().get("/api/v1/users/crowd-" + i).then().statusCode(200)
                    .body("role", equalTo(i % 2 == 0 ? "nurse" : "patient"));
        }
        his.req().get("/api/v1/users/CROWD-0").then().statusCode(200).body("role", equalTo("doctor"));
        his.req().get("/api/v1/users/crowd-known").then().statusCode(200)
                .body("displayName", equalTo("Dr Known")).body("role", equalTo("doctor"));
    }

    @Test
    void patientsSeeOnlyProfilesOfPeopleTheyTalkTo() {
        Actor patient = Actor.of(tenant, "pat-1", "patient");
        Actor otherPatient = Actor.of(tenant, "pat-2", "patient");
        his.req().body(Map.of("displayName", "Dr Li", "role", "doctor")).put("/api/v1/users/dr-li").then().statusCode(201);
        otherPatient.req().get("/api/v1/me").then().statusCode(200);

        patient.req().get("/api/v1/users/dr-li").then().statusCode(404).body("code", equalTo("USER_NOT_FOUND"));
        patient.req().get("/api/v1/users/pat-2").then().statusCode(404);
        createSession(his, "pat-1_li", "consultation", "pat-1:patient", "dr-li:doctor");
        patient.req().get("/api/v1/users/dr-li").then().statusCode(200).body("displayName", equalTo("Dr Li"));
        Actor.of(tenant, "dr-li", "doctor").req().get("/api/v1/users/pat-2").then().statusCode(200);
    }

    @Test
    void invalidProfilesAreRefused() {
        his.req().body(Map.of("role", "surgeon")).put("/api/v1/users/x").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        his.req().body(Map.of("role", "doctor", "avatarUrl", "javascript:alert(1)")).put("/api/v1/users/x").then()
                .statusCode(400).body("errors[0].field", equalTo("avatarUrl"));
        his.req().body(Map.of("displayName", "No role")).put("/api/v1/users/x").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        his.req().get("/api/v1/users/x").then().statusCode(404);
    }
}
