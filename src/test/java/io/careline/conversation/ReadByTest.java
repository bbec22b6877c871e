package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read-by lists: who of the members has read a message and when, and read counts in group sessions. */
@QuarkusTest
class ReadByTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-b", "doctor");
    final Actor nurse = Actor.of(tenant, "nurse-b", "nurse");
    final Actor patient = Actor.of(tenant, "pat-b", "patient");

    @BeforeEach
    void sessions() {
        createSession(his, "ward", "group", "dr-b:doctor", "nurse-b:nurse", "pat-b:patient");
        createSession(his, "pair", "consultation", "dr-b:doctor", "pat-b:patient");
    }

    private static void read(Actor reader, String sessionId, int seq) {
        reader.req().body(Map.of("seq", seq)).post("/api/v1/sessions/{id}/read", sessionId).then().statusCode(200);
    }

    @Test
    void readersAreListedWithWhenTheyFirstReadItAndTheRestAsUnread() {
        sendText(doctor, "ward", "Order: NPO after midnight");
        sendText(doctor, "ward", "Order: IV fluids");
        doctor.req().get("/api/v1/sessions/ward/messages/1/reads").then().statusCode(200)
                .body("readers", empty()).body("unread", contains("nurse-b", "pat-b"));

        read(nurse, "ward", 2);
        JsonPath first = nurse.req().get("/api/v1/sessions/ward/messages/1/reads").then().statusCode(200)
                .body("readers.userId", contains("nurse-b")).body("unread", contains("pat-b"))
                .extract().jsonPath();
        Instant nurseReadAt = Instant.parse(first.getString("readers[0].readAt"));
        assertThat(nurseReadAt).isAfter(Instant.parse(doctor.req().get("/api/v1/sessions/ward/messages/2").then()
                .extract().path("createdAt")));
        read(patient, "ward", 1);
        read(nurse, "ward", 2);
        patient.req().get("/api/v1/sessions/ward/messages/1/reads").then()
                .body("readers.userId", contains("nurse-b", "pat-b"))
                .body("readers[0].readAt", equalTo(first.getString("readers[0].readAt")));
        patient.req().get("/api/v1/sessions/ward/messages/2/reads").then()
                .body("readers.userId", contains("nurse-b")).body("unread", contains("pat-b"));

        doctor.req().get("/api/v1/sessions/ward/messages").then()
                .body("items.readCount", contains(2, 1));
        doctor.req().get("/api/v1/sessions/ward/messages/2").then().body("readCount", equalTo(1));
    }

    @Test
    void aMemberWhoJoinedAfterTheMessageReadItWithoutATime() {
        sendText(doctor, "ward", "Shift handover notes");
        his.req().body(Map.of("userId", "nurse-c", "role", "nurse")).post("/api/v1/sessions/ward/participants")
                .then().statusCode(201);
        doctor.req().get("/api/v1/sessions/ward/messages/1/reads").then()
                .body("readers.userId", contains("nurse-c")).body("readers[0]", not(hasKey("readAt")))
                .body("unread", contains("nurse-b", "pat-b"));
    }

    @Test
    void oneToOneSessionsCarryNoReadCountAndStrangersLearnNothing() {
        sendText(doctor, "pair", "hello");
        patient.req().get("/api/v1/sessions/pair/messages").then().body("items[0]", not(hasKey("readCount")));
        patient.req().get("/api/v1/sessions/pair/messages/1/reads").then().statusCode(200)
                .body("unread", contains("pat-b"));
        nurse.req().get("/api/v1/sessions/pair/messages/1/reads").then().statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));
        Actor.of(Tokens.freshTenant(), "dr-b", "doctor").req().get("/api/v1/sessions/pair/messages/1/reads").then()
                .statusCode(404);
        patient.req().get("/api/v1/sessions/pair/messages/2/reads").then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
    }
}
