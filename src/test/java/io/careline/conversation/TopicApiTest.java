package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");
    final Actor otherPatient = Actor.of(tenant, "pat-b", "patient");

    @Test
    void aConsultationMovesFromUnrepliedToInProgressToEnded() {
        createSession(his, "consult", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("id", "c-100", "description", "Cough for a week"))
                .post("/api/v1/sessions/consult/topics").then().statusCode(201)
                .body("id", equalTo("c-100")).body("state", equalTo("unreplied")).body("startSeq", equalTo(1));
        sendText(patient, "consult", "It is worse at night");
        doctor.req().get("/api/v1/topics?state=unreplied").then().body("items.id", contains("c-100"));
        doctor.req().get("/api/v1/topics/c-100").then().body("replied", equalTo(false));

        sendText(doctor, "consult", "Any fever?");
        doctor.req().get("/api/v1/topics?state=unreplied").then().body("items", hasSize(0));
        doctor.req().get("/api/v1/topics?state=in_progress").then().body("items.id", contains("c-100"))
                .body("items[0].firstReplyAt", notNullValue());
        doctor.req().get("/api/v1/topics/counts").then()
                .body("unreplied", equalTo(0)).body("inProgress", equalTo(1)).body("ended", equalTo(0));

        doctor.req().post("/api/v1/sessions/consult/topics/c-100/end").then().statusCode(200)
                .body("state", equalTo("ended")).body("endSeq", equalTo(4)).body("endedBy", equalTo("dr-a"));
        doctor.req().post("/api/v1/sessions/consult/topics/c-100/end").then().statusCode(200).body("endSeq", equalTo(4));
        doctor.req().get("/api/v1/topics?state=ended").then().body("items.id", contains("c-100"));
        doctor.req().get("/api/v1/sessions/consult").then().body("openTopicId", nullValue()).body("lastSeq", equalTo(4));
        patient.req().get("/api/v1/sessions/consult/messages/4").then().body("type", equalTo("topic_end"))
                .body("content.topicId", equalTo("c-100"));
    }

    @Test
    void onlyOneTopicIsOpenAtATimeAndReopeningTheSameIdIsARetry() {
        createSession(his, "one-at-a-time", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("id", "c-1")).post("/api/v1/sessions/one-at-a-time/topics").then().statusCode(201);
        patient.req().body(Map.of("id", "c-1")).post("/api/v1/sessions/one-at-a-time/topics").then().statusCode(200)
                .body("id", equalTo("c-1"));
        patient.req().body(Map.of("id", "c-2")).post("/api/v1/sessions/one-at-a-time/topics").then().statusCode(409)
                .body("code", equalTo("TOPIC_ALREADY_OPEN"));
        patient.req().body(Map.of()).post("/api/v1/sessions/one-at-a-time/topics").then().statusCode(409);
        doctor.req().post("/api/v1/sessions/one-at-a-time/topics/c-1/end").then().statusCode(200);
        patient.req().body(Map.of("id", "c-1")).post("/api/v1/sessions/one-at-a-time/topics").then().statusCode(409)
                .body("code", equalTo("TOPIC_ENDED"));
        String generated = patient.req().body(Map.of()).post("/api/v1/sessions/one-at-a-time/topics").then()
                .statusCode(201).extract().path("id");
        doctor.req().get("/api/v1/topics/{id}", generated).then().statusCode(200).body("startSeq", equalTo(3));
    }

    @Test
    void patientMessagesDoNotMarkATopicReplied() {
        createSession(his, "patient-only", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("id", "c-p")).post("/api/v1/sessions/patient-only/topics").then().statusCode(201);
        sendText(patient, "patient-only", "hello?");
        sendText(patient, "patient-only", "anyone?");
        doctor.req().get("/api/v1/topics/c-p").then().body("state", equalTo("unreplied"));
    }

    @Test
    void topicsOfSessionsTheCallerIsNotInAreInvisible() {
        createSession(his, "private", "consultation", "pat-a:patient", "dr-a:doctor");
        patient.req().body(Map.of("id", "c-private")).post("/api/v1/sessions/private/topics").then().statusCode(201);
        otherPatient.req().get("/api/v1/topics/c-private").then().statusCode(404).body("code", equalTo("TOPIC_NOT_FOUND"));
        otherPatient.req().get("/api/v1/topics?state=unreplied").then().body("items", hasSize(0));
        otherPatient.req().get("/api/v1/topics/counts").then().body("unreplied", equalTo(0));
        otherPatient.req().body(Map.of()).post("/api/v1/sessions/private/topics").then().statusCode(404);
        otherPatient.req().post("/api/v1/sessions/private/topics/c-private/end").then().statusCode(404);
        doctor.req().get("/api/v1/topics/c-private").then().body("state", equalTo("unreplied"));
    }

    @Test
    void topicListsPageWithACursorAndRejectAnUnknownState() {
        for (int i = 0; i < 3; i++) {
            createSession(his, "paged-" + i, "consultation", "pat-a:patient", "dr-a:doctor");
            patient.req().body(Map.of("id", "paged-c" + i)).post("/api/v1/sessions/paged-{i}/topics", i).then()
                    .statusCode(201);
        }
        String cursor = doctor.req().get("/api/v1/topics?state=unreplied&limit=2").then()
                .body("items.id", contains("paged-c2", "paged-c1")).extract().path("nextCursor");
        doctor.req().queryParam("cursor", cursor).get("/api/v1/topics?state=unreplied&limit=2").then()
                .body("items.id", contains("paged-c0")).body("nextCursor", nullValue());
        doctor.req().get("/api/v1/topics?state=pending").then().statusCode(400).body("errors[0].field", equalTo("state"));
        doctor.req().get("/api/v1/topics").then().statusCode(400);
    }
}
