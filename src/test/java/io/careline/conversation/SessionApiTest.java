package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");

    private Map<String, Object> consultation(String id, String name) {
        return Map.of("id", id, "type", "consultation", "name", name, "participants",
                List.of(Map.of("userId", "pat-a", "role", "patient"), Map.of("userId", "dr-a", "role", "doctor")));
    }

    @Test
    void createIsIdempotentForTheSameContentAndConflictsOtherwise() {
        his.req().body(consultation("pat-a_team_1", "Team A")).post("/api/v1/sessions").then().statusCode(201)
                .body("id", equalTo("pat-a_team_1")).body("type", equalTo("consultation"))
                .body("businessType", equalTo("with_patient")).body("lastSeq", equalTo(0));
        his.req().body(consultation("pat-a_team_1", "Team A")).post("/api/v1/sessions").then().statusCode(200)
                .body("id", equalTo("pat-a_team_1"));
        his.req().body(consultation("pat-a_team_1", "Team B")).post("/api/v1/sessions").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("SESSION_CONFLICT"));
        his.req().get("/api/v1/sessions/pat-a_team_1/participants").then().statusCode(200)
                .body("userId", contains("pat-a", "dr-a"));
    }

    @Test
    void generatedIdsAndStaffCreatorsJoinTheirSession() {
        String id = doctor.req().body(Map.of("type", "p2p", "participants", List.of(Map.of("userId", "dr-b"))))
                .post("/api/v1/sessions").then().statusCode(201)
                .body("id", notNullValue()).body("businessType", equalTo("without_patient"))
                .extract().path("id");
        doctor.req().get("/api/v1/sessions/{id}/participants", id).then().statusCode(200)
                .body("userId", contains("dr-b", "dr-a"));
    }

    @Test
    void listIsPinnedFirstThenMostRecentWithUnreadAndPreview() {
        createSession(his, "s-old", "consultation", "pat-a:patient", "dr-a:doctor");
        createSession(his, "s-mid", "consultation", "pat-a:patient", "dr-a:doctor");
        createSession(his, "s-new", "p2p", "pat-a:patient", "dr-a:doctor");
        sendText(doctor, "s-old", "first");
        sendText(doctor, "s-mid", "second");
        sendText(doctor, "s-new", "third");
        sendText(doctor, "s-new", "fourth");
        patient.req().put("/api/v1/sessions/s-old/pin").then().statusCode(204);

        patient.req().get("/api/v1/sessions").then().statusCode(200)
                .body("items.id", contains("s-old", "s-new", "s-mid"))
                .body("items[0].pinned", equalTo(true))
                .body("items[1].unread", equalTo(2))
                .body("items[1].lastMessagePreview", equalTo("fourth"))
                .body("nextCursor", nullValue());
        doctor.req().get("/api/v1/sessions").then().body("items.id", contains("s-new", "s-mid", "s-old"))
                .body("items.unread", contains(0, 0, 0));

        patient.req().get("/api/v1/sessions?type=consultation").then().body("items.id", contains("s-old", "s-mid"));

        patient.req().delete("/api/v1/sessions/s-old/pin").then().statusCode(204);
        patient.req().get("/api/v1/sessions").then().body("items.id", contains("s-new", "s-mid", "s-old"));
    }

    @Test
    void muteIsPerParticipantAndKeepsUnreadCounting() {
        createSession(his, "muted", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().put("/api/v1/sessions/muted/mute").then().statusCode(204);
        sendText(doctor, "muted", "still unread");
        patient.req().get("/api/v1/sessions/muted").then().body("muted", equalTo(true)).body("unread", equalTo(1));
        doctor.req().get("/api/v1/sessions/muted").then().body("muted", equalTo(false));
        patient.req().delete("/api/v1/sessions/muted/mute").then().statusCode(204);
        patient.req().get("/api/v1/sessions/muted").then().body("muted", equalTo(false));
        his.req().put("/api/v1/sessions/muted/mute").then().statusCode(403);
    }

    @Test
    void cursorPagesThroughEverySessionOnce() {
        for (int i = 0; i < 5; i++) {
            createSession(his, "page-" + i, "group", "dr-a:doctor");
        }
        String cursor = doctor.req().get("/api/v1/sessions?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items.id", contains("page-4", "page-3"))
                .extract().path("nextCursor");
        cursor = doctor.req().queryParam("cursor", cursor).get("/api/v1/sessions?limit=2").then()
                .body("items.id", contains("page-2", "page-1")).extract().path("nextCursor");
        doctor.req().queryParam("cursor", cursor).get("/api/v1/sessions?limit=2").then()
                .body("items.id", contains("page-0")).body("nextCursor", nullValue());
    }

    @Test
    void countsByTypeIncludeUnread() {
        createSession(his, "c-1", "consultation", "pat-a:patient", "dr-a:doctor");
        createSession(his, "c-2", "consultation", "pat-a:patient", "dr-a:doctor");
        createSession(his, "g-1", "group", "pat-a:patient", "dr-a:doctor");
        sendText(doctor, "c-1", "one");
        sendText(doctor, "c-2", "two");
        sendText(doctor, "c-2", "three");
        patient.req().get("/api/v1/sessions/counts").then().statusCode(200)
                .body("sessions", equalTo(3)).body("unread", equalTo(3))
                .body("types.find { it.type == 'consultation' }.sessions", equalTo(2))
                .body("types.find { it.type == 'consultation' }.unread", equalTo(3))
                .body("types.find { it.type == 'group' }.unread", equalTo(0));
    }

    @Test
    void renameAndCloseThenSendingIsRefused() {
        createSession(his, "closing", "consultation", "pat-a:patient", "dr-a:doctor");
        doctor.req().body(Map.of("name", "Renamed")).patch("/api/v1/sessions/closing").then().statusCode(200)
                .body("name", equalTo("Renamed"));
        doctor.req().body(Map.of("status", "closed")).patch("/api/v1/sessions/closing").then().statusCode(200)
                .body("status", equalTo("closed"));
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "hello?")))
                .post("/api/v1/sessions/closing/messages").then().statusCode(409).body("code", equalTo("SESSION_CLOSED"));
        patient.req().get("/api/v1/sessions/closing").then().statusCode(200).body("lastSeq", equalTo(0));
    }

    @Test
    void closingEndsTheOpenTopic() {
        createSession(his, "closing-topic", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("id", "close-t1")).post("/api/v1/sessions/closing-topic/topics").then().statusCode(201);
        doctor.req().body(Map.of("status", "closed")).patch("/api/v1/sessions/closing-topic").then().statusCode(200)
                .body("openTopicId", nullValue());
        doctor.req().get("/api/v1/topics/close-t1").then().body("state", equalTo("ended")).body("endSeq", equalTo(2));
    }

    @Test
    void patientsCannotCreateRenameOrClose() {
        createSession(his, "guarded", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(consultation("by-patient", "x")).post("/api/v1/sessions").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        patient.req().body(Map.of("name", "Mine")).patch("/api/v1/sessions/guarded").then().statusCode(403);
        his.req().get("/api/v1/sessions/guarded").then().body("name", nullValue());
        his.req().get("/api/v1/sessions/by-patient").then().statusCode(404);
    }

    @Test
    void unknownTypeIsABadRequestNamingTheField() {
        his.req().body(Map.of("type", "chitchat", "participants", List.of(Map.of("userId", "x"))))
                .post("/api/v1/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("type"));
        doctor.req().get("/api/v1/sessions?type=chitchat").then().statusCode(400)
                .body("errors.field", hasItems("type"));
    }
}
