package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clinical and financial cards come only from the roles that author them, over REST and the WebSocket. */
@QuarkusTest
class MessageAuthorshipTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-w", "doctor");
    final Actor nurse = Actor.of(tenant, "nurse-w", "nurse");
    final Actor agent = Actor.of(tenant, "agent-w", "agent");
    final Actor patient = Actor.of(tenant, "pat-w", "patient");
    final Map<String, Object> prescription = Map.of("type", "prescription", "content",
            Map.of("prescriptionId", "rx-1", "drugs", List.of("Ibuprofen 200 mg")));

    @BeforeEach
    void session() {
        createSession(his, "ward", "consultation", "pat-w:patient", "dr-w:doctor", "nurse-w:nurse",
                "agent-w:agent");
    }

    @Test
    void aPatientsPrescriptionIsRefusedAndTakesNoSeq() {
        patient.req().body(prescription).post("/api/v1/sessions/ward/messages").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("MESSAGE_TYPE_FORBIDDEN"));
        nurse.req().body(prescription).post("/api/v1/sessions/ward/messages").then().statusCode(403)
                .body("code", equalTo("MESSAGE_TYPE_FORBIDDEN"));
        patient.req().get("/api/v1/sessions/ward").then().body("lastSeq", equalTo(0));

        doctor.req().body(prescription).post("/api/v1/sessions/ward/messages").then().statusCode(201)
                .body("seq", equalTo(1)).body("senderId", equalTo("dr-w"));
    }

    @Test
    void eachRoleSendsTheCardsOfItsWork() {
        nurse.req().body(Map.of("type", "rehab_plan", "content", Map.of("planId", "p-1", "title", "Walk daily")))
                .post("/api/v1/sessions/ward/messages").then().statusCode(201);
        agent.req().body(Map.of("type", "payment", "content",
                Map.of("info", "Drug A", "outpatientId", "op-1", "prescriptionId", "rx-1")))
                .post("/api/v1/sessions/ward/messages").then().statusCode(201);
        agent.req().body(Map.of("type", "diagnosis", "content", Map.of("text", "flu")))
                .post("/api/v1/sessions/ward/messages").then().statusCode(403);
        patient.req().body(Map.of("type", "service_rating", "content", Map.of("rating", 5)))
                .post("/api/v1/sessions/ward/messages").then().statusCode(201);
        doctor.req().body(Map.of("type", "service_rating", "content", Map.of("rating", 5)))
                .post("/api/v1/sessions/ward/messages").then().statusCode(403);
        patient.req().get("/api/v1/sessions/ward").then().body("lastSeq", equalTo(3));
    }

    @Test
    void aRefusedCardOverTheWebSocketIsAnErrorFrameWithItsRef() throws Exception {
        Device phone = Device.connect(server, patient);
        try {
            phone.send("{\"type\":\"send\",\"sessionId\":\"ward\",\"clientMsgId\":\"rx-fake\",\"msgType\":\"diagnosis\","
                    + "\"content\":{\"text\":\"nothing serious\"}}");
            JsonNode error = phone.next();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo("MESSAGE_TYPE_FORBIDDEN");
            assertThat(error.get("ref").asText()).isEqualTo("rx-fake");
            assertThat(error.get("retryable").asBoolean()).isFalse();
        } finally {
            phone.close();
        }
        patient.req().get("/api/v1/sessions/ward").then().body("lastSeq", equalTo(0));
    }
}
