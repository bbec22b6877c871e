package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadStateTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");

    @Test
    void ownMessagesAndSystemNoticesNeverCountAsUnread() {
        createSession(his, "own", "consultation", "pat-a:patient", "dr-a:doctor");
        sendText(patient, "own", "one");
        sendText(patient, "own", "two");
        sendText(doctor, "own", "reply");
        his.req().body(Map.of("userId", "nurse-c", "role", "nurse")).post("/api/v1/sessions/own/participants")
                .then().statusCode(201);
        patient.req().get("/api/v1/sessions/own").then().body("unread", equalTo(1)).body("lastSeq", equalTo(4));
        doctor.req().get("/api/v1/sessions/own").then().body("unread", equalTo(2));
    }

    @Test
    void readingMovesForwardOnlyAndUpdatesTheBadge() {
        createSession(his, "r1", "consultation", "pat-a:patient", "dr-a:doctor");
        createSession(his, "r2", "p2p", "pat-a:patient", "dr-a:doctor");
        for (int i = 0; i < 5; i++) {
            sendText(doctor, "r1", "r1-" + i);
        }
        sendText(doctor, "r2", "r2");
        patient.req().get("/api/v1/me/unread").then().statusCode(200)
                .body("total", equalTo(6))
                .body("sessions.sessionId", contains("r1", "r2"))
                .body("sessions.unread", contains(5, 1));

        patient.req().body(Map.of("seq", 3)).post("/api/v1/sessions/r1/read").then().statusCode(200)
                .body("lastReadSeq", equalTo(3)).body("unread", equalTo(2));
        patient.req().body(Map.of("seq", 1)).post("/api/v1/sessions/r1/read").then().statusCode(200)
                .body("lastReadSeq", equalTo(3)).body("unread", equalTo(2));
        patient.req().body(Map.of("seq", 1)).post("/api/v1/sessions/r2/read").then().body("unread", equalTo(0));

        patient.req().get("/api/v1/me/unread").then()
                .body("total", equalTo(2)).body("sessions", hasSize(1)).body("sessions[0].sessionId", equalTo("r1"));
        doctor.req().get("/api/v1/sessions/r1/participants").then()
                .body("find { it.userId == 'pat-a' }.lastReadSeq", equalTo(3));
    }

    @Test
    void readingBeyondTheLastMessageIsRefused() {
        createSession(his, "r3", "consultation", "pat-a:patient", "dr-a:doctor");
        sendText(doctor, "r3", "only one");
        patient.req().body(Map.of("seq", 2)).post("/api/v1/sessions/r3/read").then().statusCode(400)
                .body("code", equalTo("SEQ_OUT_OF_RANGE"));
        patient.req().body(Map.of("seq", -1)).post("/api/v1/sessions/r3/read").then().statusCode(400)
                .body("errors[0].field", equalTo("seq"));
        patient.req().get("/api/v1/sessions/r3").then().body("lastReadSeq", equalTo(0)).body("unread", equalTo(1));
    }

    @Test
    void managersWhoAreNotParticipantsHaveNoReadPosition() {
        createSession(his, "r4", "consultation", "pat-a:patient", "dr-a:doctor");
        sendText(doctor, "r4", "x");
        his.req().body(Map.of("seq", 1)).post("/api/v1/sessions/r4/read").then().statusCode(403);
    }
}
