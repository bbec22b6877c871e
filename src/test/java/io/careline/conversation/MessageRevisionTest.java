package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revisions: the sender edits a card with a state at any time and a text within the recall window; the content
 * must fit the type; members get message_updated; sync and history show the latest revision; the audit trail
 * keeps every one.
 */
@QuarkusTest
class MessageRevisionTest {
    @TestHTTPResource("/")
    URI server;

    @Inject
    TestClock clock;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-v", "admin");
    final Actor doctor = Actor.of(tenant, "dr-v", "doctor");
    final Actor patient = Actor.of(tenant, "pat-v", "patient");

    @BeforeEach
    void session() {
        createSession(his, "rv", "consultation", "pat-v:patient", "dr-v:doctor");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> content(Map<String, Object> content) {
        return Map.of("content", content);
    }

    @Test
    void aCardWithAStateIsEditedByItsSenderAndEveryRevisionIsAudited() {
        doctor.req().body(Map.of("type", "video_request", "content", Map.of("answerStatus", 0)))
                .post("/api/v1/sessions/rv/messages").then().statusCode(201);
        Instant sentAt = Instant.parse(doctor.req().get("/api/v1/sessions/rv/messages/1").then().extract()
                .path("createdAt"));
        clock.fixAt(sentAt.plus(Duration.ofDays(3)));

        doctor.req().body(content(Map.of("answerStatus", 1))).patch("/api/v1/sessions/rv/messages/1").then()
                .statusCode(200).body("revision", equalTo(1)).body("content.answerStatus", equalTo(1));
        doctor.req().body(content(Map.of("answerStatus", 2))).patch("/api/v1/sessions/rv/messages/1").then()
                .statusCode(200).body("revision", equalTo(2));
        patient.req().get("/api/v1/sessions/rv/messages").then().body("items[0].revision", equalTo(2))
                .body("items[0].content.answerStatus", equalTo(2)).body("items[0].seq", equalTo(1));
        admin.req().get("/api/v1/admin/messages/rv/1/audit").then().statusCode(200)
                .body("entries.action", contains("sent", "revised", "revised"))
                .body("entries.revision", contains(0, 1, 2))
                .body("entries.content.answerStatus", contains(0, 1, 2));
    }

    @Test
    void onlyTheSenderEditsAndOnlyWhatTheTypeAllows() {
        sendText(doctor, "rv", "See you on Mondya");
        his.req().body(Map.of("type", "diagnosis", "content", Map.of("text", "influenza")))
                .post("/api/v1/sessions/rv/messages").then().statusCode(201);
        String text = "/api/v1/sessions/rv/messages/1";
        patient.req().body(content(Map.of("text", "forged"))).patch(text).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Actor.of(tenant, "pat-z", "patient").req().body(content(Map.of("text", "x"))).patch(text).then()
                .statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        Actor.of(Tokens.freshTenant(), "dr-v", "doctor").req().body(content(Map.of("text", "x"))).patch(text)
                .then().statusCode(404);
        his.req().body(content(Map.of("text", "flu"))).patch("/api/v1/sessions/rv/messages/2").then()
                .statusCode(409).body("code", equalTo("MESSAGE_NOT_CHANGEABLE"));
        doctor.req().body(content(Map.of("txt", "Monday"))).patch(text).then().statusCode(400)
                .body("code", equalTo("INVALID_CONTENT"));
        doctor.req().body(Map.of("content", "Monday")).patch(text).then().statusCode(400);
        doctor.req().body(Map.of()).patch(text).then().statusCode(400);
        patient.req().get(text).then().body("content.text", equalTo("See you on Mondya")).body("$", not(hasKey("revision")));

        doctor.req().body(content(Map.of("text", "See you on Monday"))).patch(text).then().statusCode(200);
        patient.req().get("/api/v1/sessions/rv").then().body("lastMessagePreview", equalTo("influenza"));
        Instant sentAt = Instant.parse(doctor.req().get(text).then().extract().path("createdAt"));
        clock.fixAt(sentAt.plus(Duration.ofHours(25)));
        doctor.req().body(content(Map.of("text", "See you on Tuesday"))).patch(text).then().statusCode(403)
                .body("code", equalTo("RECALL_WINDOW_CLOSED"));
        clock.reset();
        doctor.req().post(text + "/recall").then().statusCode(200);
        doctor.req().body(content(Map.of("text", "again"))).patch(text).then().statusCode(409)
                .body("code", equalTo("MESSAGE_RECALLED"));
    }

    @Test
    void theLastMessagesPreviewFollowsItsRevision() {
        sendText(doctor, "rv", "Fast from midnight");
        doctor.req().body(content(Map.of("text", "Fast from 22:00"))).patch("/api/v1/sessions/rv/messages/1").then()
                .statusCode(200);
        patient.req().get("/api/v1/sessions/rv").then().body("lastMessagePreview", equalTo("Fast from 22:00"));
    }

    @Test
    void devicesGetTheNewRevisionLiveAndThroughSync() throws Exception {
        sendText(doctor, "rv", "Dose: 1 tablet");
        Device phone = Device.connect(server, patient);
        try {
            doctor.req().body(content(Map.of("text", "Dose: 2 tablets"))).patch("/api/v1/sessions/rv/messages/1")
                    .then().statusCode(200);
            JsonNode live = phone.next();
            assertThat(live.get("type").asText()).isEqualTo("message_updated");
            assertThat(live.get("seq").asLong()).isEqualTo(1);
            assertThat(live.get("revision").asInt()).isEqualTo(1);
            assertThat(live.at("/content/text").asText()).isEqualTo("Dose: 2 tablets");
            assertThat(live.hasNonNull("editedAt")).isTrue();

            phone.send("{\"type\":\"sync\",\"sessions\":[{\"sessionId\":\"rv\",\"afterSeq\":1,\"afterChange\":0}]}");
            JsonNode updated = phone.next();
            assertThat(updated.get("type").asText()).isEqualTo("message_updated");
            assertThat(updated.at("/content/text").asText()).isEqualTo("Dose: 2 tablets");
            assertThat(phone.next().at("/sessions/0/lastChange").asLong()).isEqualTo(1);
            phone.send("{\"type\":\"sync\",\"sessions\":[{\"sessionId\":\"rv\",\"afterSeq\":0}]}");
            JsonNode message = phone.next();
            assertThat(message.get("revision").asInt()).isEqualTo(1);
            assertThat(message.at("/content/text").asText()).isEqualTo("Dose: 2 tablets");
        } finally {
            phone.close();
        }
    }
}
