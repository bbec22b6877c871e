package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");

    @BeforeEach
    void session() {
        createSession(his, "chat", "consultation", "pat-a:patient", "dr-a:doctor");
    }

    @Test
    void sendingStoresWithTheNextSeqAndARetryStoresNothingNew() {
        Map<String, Object> body = Map.of("type", "text", "content", Map.of("text", "hello 👋"), "clientMsgId", "m-1");
        patient.req().body(body).post("/api/v1/sessions/chat/messages").then().statusCode(201)
                .body("seq", equalTo(1)).body("senderId", equalTo("pat-a"))
                .body("content.text", equalTo("hello 👋")).body("clientMsgId", equalTo("m-1"));
        patient.req().body(body).post("/api/v1/sessions/chat/messages").then().statusCode(200).body("seq", equalTo(1));
        patient.req().get("/api/v1/sessions/chat/messages").then().body("items", hasSize(1));
        patient.req().get("/api/v1/sessions/chat").then().body("lastSeq", equalTo(1));
        // The same client id from another sender is a different message.
        doctor.req().body(body).post("/api/v1/sessions/chat/messages").then().statusCode(201).body("seq", equalTo(2));
    }

    @Test
    void structuredTypesAreStoredAsTheirShape() {
        his.req().body(Map.of("type", "payment", "content",
                Map.of("info", "Drug A, Drug B", "outpatientId", "op-1", "prescriptionId", "rx-1")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(201)
                .body("type", equalTo("payment")).body("content.prescriptionId", equalTo("rx-1"));
        doctor.req().body(Map.of("type", "home_visit_items_change", "content",
                Map.of("orderId", "o-1", "items", List.of("dressing"))))
                .post("/api/v1/sessions/chat/messages").then().statusCode(201);
        patient.req().get("/api/v1/sessions/chat/messages/1").then().statusCode(200)
                .body("type", equalTo("payment")).body("content.info", equalTo("Drug A, Drug B"));
    }

    @Test
    void unknownTypesAndWrongShapesAreRefusedAndNothingIsStored() {
        patient.req().body(Map.of("type", "telepathy", "content", Map.of("text", "x")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("UNKNOWN_MESSAGE_TYPE"));
        patient.req().body(Map.of("type", "image", "content", Map.of("text", "no url")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400)
                .body("code", equalTo("INVALID_CONTENT"))
                .body("errors.field", hasItem("content.url"))
                .body("errors.field", hasItem("content.text"));
        patient.req().body(Map.of("type", "voice", "content", Map.of("url", "https://x/v.amr", "durationSeconds", "long")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("content.durationSeconds"));
        patient.req().body(Map.of("type", "text", "content", Map.of("text", " ")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400).body("code", equalTo("INVALID_CONTENT"));
        patient.req().body(Map.of("type", "text", "content", "just a string"))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400).body("code", equalTo("INVALID_CONTENT"));
        patient.req().get("/api/v1/sessions/chat").then().body("lastSeq", equalTo(0));
    }

    @Test
    void serverAndManagerTypesCannotBeSentByParticipants() {
        doctor.req().body(Map.of("type", "topic_begin", "content", Map.of("topicId", "fake")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(400).body("errors[0].field", equalTo("type"));
        doctor.req().body(Map.of("type", "system", "content", Map.of("text", "I am the system")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(403);
        his.req().body(Map.of("type", "system", "content", Map.of("text", "Clinic closes at 18:00")))
                .post("/api/v1/sessions/chat/messages").then().statusCode(201).body("seq", equalTo(1));
    }

    @Test
    void contentOverTheSizeLimitIsTooLarge() {
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "x".repeat(17_000))))
                .post("/api/v1/sessions/chat/messages").then().statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", equalTo("Content is 17011 bytes; the limit is 16384 bytes."));
        patient.req().get("/api/v1/sessions/chat").then().body("lastSeq", equalTo(0));
    }

    @Test
    void historyPagesForwardFromASeqAndBackwardFromTheEnd() {
        for (int i = 1; i <= 7; i++) {
            sendText(i % 2 == 0 ? doctor : patient, "chat", "m" + i);
        }
        patient.req().get("/api/v1/sessions/chat/messages?afterSeq=2&limit=3").then()
                .body("items.seq", contains(3, 4, 5)).body("hasMore", equalTo(true));
        patient.req().get("/api/v1/sessions/chat/messages?afterSeq=5&limit=3").then()
                .body("items.seq", contains(6, 7)).body("hasMore", equalTo(false));
        patient.req().get("/api/v1/sessions/chat/messages?limit=3").then()
                .body("items.seq", contains(5, 6, 7)).body("hasMore", equalTo(true));
        patient.req().get("/api/v1/sessions/chat/messages?beforeSeq=5&limit=3").then()
                .body("items.seq", contains(2, 3, 4)).body("hasMore", equalTo(true));
        patient.req().get("/api/v1/sessions/chat/messages?beforeSeq=3&limit=3").then()
                .body("items.seq", contains(1, 2)).body("hasMore", equalTo(false));
        patient.req().get("/api/v1/sessions/chat/messages/4").then().body("content.text", equalTo("m4"));
        patient.req().get("/api/v1/sessions/chat/messages/8").then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
    }

    @Test
    void messagesOfOneTopicCanBeListed() {
        sendText(patient, "chat", "before the consultation");
        patient.req().body(Map.of("id", "consult-9")).post("/api/v1/sessions/chat/topics").then().statusCode(201);
        sendText(patient, "chat", "inside");
        doctor.req().post("/api/v1/sessions/chat/topics/consult-9/end").then().statusCode(200);
        sendText(patient, "chat", "after");
        patient.req().get("/api/v1/sessions/chat/messages?topicId=consult-9").then()
                .body("items.type", contains("topic_begin", "text", "topic_end"))
                .body("items.seq", contains(2, 3, 4));
    }

    @Test
    void sendingIntoAnEndedOrForeignTopicIsRefused() {
        patient.req().body(Map.of("id", "consult-old")).post("/api/v1/sessions/chat/topics").then().statusCode(201);
        doctor.req().post("/api/v1/sessions/chat/topics/consult-old/end").then().statusCode(200);
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "late"), "topicId", "consult-old"))
                .post("/api/v1/sessions/chat/messages").then().statusCode(409).body("code", equalTo("TOPIC_ENDED"));
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "?"), "topicId", "nope"))
                .post("/api/v1/sessions/chat/messages").then().statusCode(404).body("code", equalTo("TOPIC_NOT_FOUND"));
    }
}
