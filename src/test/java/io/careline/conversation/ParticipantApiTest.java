package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");
    final Actor nurse = Actor.of(tenant, "nurse-b", "nurse");

    @Test
    void addingAParticipantIsNotedInTheSessionAndIsIdempotent() {
        createSession(his, "team", "consultation", "pat-a:patient", "dr-a:doctor");
        doctor.req().body(Map.of("userId", "nurse-b", "role", "nurse"))
                .post("/api/v1/sessions/team/participants").then().statusCode(201)
                .body("userId", equalTo("nurse-b")).body("role", equalTo("nurse"));
        doctor.req().body(Map.of("userId", "nurse-b", "role", "nurse"))
                .post("/api/v1/sessions/team/participants").then().statusCode(200);
        patient.req().get("/api/v1/sessions/team/messages").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("system"))
                .body("items[0].content.event", equalTo("participant_added"))
                .body("items[0].content.added", contains("nurse-b"));
        nurse.req().get("/api/v1/sessions/team").then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void aRemovedParticipantReadsOnlyWhatWasSaidBeforeLeavingAndCannotWrite() {
        createSession(his, "leaving", "consultation", "pat-a:patient", "dr-a:doctor", "nurse-b:nurse");
        sendText(doctor, "leaving", "before");
        his.req().delete("/api/v1/sessions/leaving/participants/nurse-b").then().statusCode(204);
        sendText(doctor, "leaving", "after");

        nurse.req().get("/api/v1/sessions/leaving/messages").then().statusCode(200)
                .body("items.seq", contains(1, 2))
                .body("items[1].content.removed", contains("nurse-b"));
        nurse.req().get("/api/v1/sessions/leaving/messages/3").then().statusCode(404);
        nurse.req().get("/api/v1/sessions/leaving").then().statusCode(200)
                .body("lastSeq", equalTo(2)).body("left", equalTo(true));
        nurse.req().body(Map.of("type", "text", "content", Map.of("text", "still here?")))
                .post("/api/v1/sessions/leaving/messages").then().statusCode(403)
                .body("code", equalTo("PARTICIPANT_LEFT"));
        nurse.req().get("/api/v1/sessions").then().body("items", hasSize(0));
        doctor.req().get("/api/v1/sessions/leaving/participants").then().body("userId", contains("pat-a", "dr-a"));
    }

    @Test
    void replacingTheListAddsAndRemovesWithOneNotice() {
        createSession(his, "replaced", "consultation", "pat-a:patient", "dr-a:doctor");
        his.req().body(Map.of("participants", List.of(Map.of("userId", "pat-a", "role", "patient"),
                Map.of("userId", "nurse-b", "role", "nurse"))))
                .put("/api/v1/sessions/replaced/participants").then().statusCode(200)
                .body("userId", contains("pat-a", "nurse-b"));
        his.req().get("/api/v1/sessions/replaced/messages").then()
                .body("items", hasSize(1))
                .body("items[0].content.event", equalTo("participants_replaced"))
                .body("items[0].content.added", contains("nurse-b"))
                .body("items[0].content.removed", contains("dr-a"));
        doctor.req().get("/api/v1/sessions/replaced/messages/2").then().statusCode(404);
    }

    @Test
    void patientsCannotAddOrRemoveParticipants() {
        createSession(his, "guarded", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("userId", "pat-z")).post("/api/v1/sessions/guarded/participants").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        patient.req().delete("/api/v1/sessions/guarded/participants/dr-a").then().statusCode(403);
        patient.req().body(Map.of("participants", List.of(Map.of("userId", "pat-a"))))
                .put("/api/v1/sessions/guarded/participants").then().statusCode(403);
        his.req().get("/api/v1/sessions/guarded/participants").then().body("userId", containsInAnyOrder("pat-a", "dr-a"));
        his.req().get("/api/v1/sessions/guarded").then().body("lastSeq", equalTo(0));
    }

    @Test
    void rolesDefaultToTheUsersProfile() {
        his.req().body(Map.of("displayName", "Nurse B", "role", "nurse")).put("/api/v1/users/nurse-b").then()
                .statusCode(201);
        createSession(his, "defaults", "group", "dr-a:doctor");
        his.req().body(Map.of("userId", "nurse-b")).post("/api/v1/sessions/defaults/participants").then()
                .statusCode(201).body("role", equalTo("nurse"));
    }

    @Test
    void tooManyParticipantsOrDuplicatesAreRefusedAndNothingIsStored() {
        List<Map<String, String>> crowd = IntStream.range(0, 501).mapToObj(i -> Map.of("userId", "u" + i)).toList();
        his.req().body(Map.of("id", "crowded", "type", "group", "participants", crowd))
                .post("/api/v1/sessions").then().statusCode(400).body("code", equalTo("LIMIT_EXCEEDED"))
                .body("detail", equalTo("A session can have at most 500 participants."));
        his.req().get("/api/v1/sessions/crowded").then().statusCode(404);

        List<Map<String, String>> twice = Collections.nCopies(2, Map.of("userId", "dup"));
        his.req().body(Map.of("id", "twice", "type", "group", "participants", twice))
                .post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("participants[1].userId"));
        his.req().get("/api/v1/sessions/twice").then().statusCode(404);
    }

    @Test
    void removingSomeoneWhoIsNotThereIsNotFound() {
        createSession(his, "absent", "group", "dr-a:doctor");
        doctor.req().delete("/api/v1/sessions/absent/participants/nobody").then().statusCode(404)
                .body("code", equalTo("PARTICIPANT_NOT_FOUND"));
    }
}
