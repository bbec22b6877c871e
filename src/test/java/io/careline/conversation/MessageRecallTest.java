package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
 * Recall: who may, within which window; the message keeps its seq without its content everywhere, stops
 * counting as unread, cannot be forwarded, reaches devices live and through sync, and its words go to an
 * audit trail only the tenant's admins read.
 */
@QuarkusTest
class MessageRecallTest {
    @TestHTTPResource("/")
    URI server;

    @Inject
    TestClock clock;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-r", "admin");
    final Actor doctor = Actor.of(tenant, "dr-r", "doctor");
    final Actor patient = Actor.of(tenant, "pat-r", "patient");
    final Actor stranger = Actor.of(tenant, "pat-x", "patient");

    @BeforeEach
    void session() {
        createSession(his, "rc", "consultation", "pat-r:patient", "dr-r:doctor");
        createSession(his, "other", "consultation", "pat-x:patient", "dr-r:doctor");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String recall(long seq) {
        return "/api/v1/sessions/rc/messages/" + seq + "/recall";
    }

    @Test
    void theSenderRecallsAndTheMessageKeepsItsSeqWithoutContentEverywhere() {
        sendText(doctor, "rc", "Take 2 tablets of the wrong drug");
        sendText(doctor, "rc", "follow-up");
        patient.req().get("/api/v1/me/unread").then().body("messages", equalTo(2));

        doctor.req().body(Map.of("reason", "wrong patient")).post(recall(1)).then().statusCode(200)
                .body("seq", equalTo(1)).body("recalled", equalTo(true)).body("recalledBy", equalTo("dr-r"))
                .body("$", not(hasKey("content")));
        patient.req().get("/api/v1/sessions/rc/messages/1").then().statusCode(200)
                .body("recalled", equalTo(true)).body("$", not(hasKey("content")));
        patient.req().get("/api/v1/sessions/rc/messages").then().body("items.seq", contains(1, 2))
                .body("items[0].recalled", equalTo(true)).body("items[1].content.text", equalTo("follow-up"));
        patient.req().get("/api/v1/me/unread").then().body("messages", equalTo(1));
        patient.req().get("/api/v1/sessions/rc").then().body("lastSeq", equalTo(2))
                .body("lastMessagePreview", equalTo("follow-up")).body("lastMessageRecalled", nullValue());

        doctor.req().post(recall(2)).then().statusCode(200);
        patient.req().get("/api/v1/sessions/rc").then().body("lastMessageRecalled", equalTo(true))
                .body("$", not(hasKey("lastMessagePreview")));
        patient.req().get("/api/v1/me/unread").then().body("messages", equalTo(0));
        doctor.req().post(recall(2)).then().statusCode(200) // recalling again answers the same
                .body("recalled", equalTo(true));
    }

    @Test
    void onlyTheSenderWithinTheWindowAndTheTenantsManagersAtAnyTimeMayRecall() {
        sendText(patient, "rc", "my blood pressure is 150/95");
        doctor.req().post(recall(1)).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        stranger.req().post(recall(1)).then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        Actor.of(Tokens.freshTenant(), "admin-r", "admin").req().post(recall(1)).then().statusCode(404);
        patient.req().post(recall(2)).then().statusCode(404).body("code", equalTo("MESSAGE_NOT_FOUND"));

        Instant sentAt = Instant.parse(patient.req().get("/api/v1/sessions/rc/messages/1").then().extract()
                .path("createdAt"));
        clock.fixAt(sentAt.plus(Duration.ofHours(24)).plusSeconds(1));
        patient.req().post(recall(1)).then().statusCode(403).body("code", equalTo("RECALL_WINDOW_CLOSED"));
        patient.req().get("/api/v1/sessions/rc/messages/1").then().body("content.text", equalTo("my blood pressure is 150/95"));
        admin.req().body(Map.of("reason", "posted in the wrong chat")).post(recall(1)).then().statusCode(200)
                .body("recalledBy", equalTo("admin-r"));
    }

    @Test
    void serverWrittenMessagesCannotBeRecalledAndABadReasonChangesNothing() {
        his.req().body(Map.of("type", "system", "content", Map.of("text", "Clinic closes at 18:00")))
                .post("/api/v1/sessions/rc/messages").then().statusCode(201);
        his.req().post(recall(1)).then().statusCode(409).body("code", equalTo("MESSAGE_NOT_CHANGEABLE"));
        sendText(doctor, "rc", "hello");
        doctor.req().body(Map.of("reason", "x".repeat(501))).post(recall(2)).then().statusCode(400);
        doctor.req().body(Map.of("reason", 5)).post(recall(2)).then().statusCode(400);
        patient.req().get("/api/v1/sessions/rc/messages/2").then().body("content.text", equalTo("hello"));
    }

    @Test
    void theAuditTrailKeepsTheWordsForTheTenantsAdminsOnly() {
        sendText(doctor, "rc", "Diagnosis: influenza A");
        String audit = "/api/v1/admin/messages/rc/1/audit";
        admin.req().get(audit).then().statusCode(200).body("entries.action", contains("sent"));
        doctor.req().body(Map.of("reason", "wrong patient")).post(recall(1)).then().statusCode(200);

        admin.req().get(audit).then().statusCode(200).body("type", equalTo("text")).body("senderId", equalTo("dr-r"))
                .body("entries.action", contains("sent", "recalled"))
                .body("entries[0].content.text", equalTo("Diagnosis: influenza A"))
                .body("entries[1].actorId", equalTo("dr-r")).body("entries[1].reason", equalTo("wrong patient"))
                .body("entries[1]", not(hasKey("content")));
        doctor.req().get(audit).then().statusCode(403);
        patient.req().get(audit).then().statusCode(403);
        his.req().get(audit).then().statusCode(403);
        Actor.of(Tokens.freshTenant(), "admin-r", "admin").req().get(audit).then().statusCode(404);
    }

    @Test
    void aRecalledMessageCannotBeForwarded() {
        sendText(doctor, "rc", "lab results attached");
        doctor.req().post(recall(1)).then().statusCode(200);
        doctor.req().body(Map.of("type", "forward", "content", Map.of("sourceSessionId", "rc", "sourceSeq", 1)))
                .post("/api/v1/sessions/other/messages").then().statusCode(409).body("code", equalTo("MESSAGE_RECALLED"));
        doctor.req().get("/api/v1/sessions/other").then().body("lastSeq", equalTo(0));
    }

    @Test
    void devicesHearOfARecallLiveAndThroughSync() throws Exception {
        sendText(doctor, "rc", "first");
        sendText(doctor, "rc", "second");
        Device phone = Device.connect(server, patient);
        try {
            doctor.req().post(recall(1)).then().statusCode(200);
            JsonNode live = phone.next();
            assertThat(live.get("type").asText()).isEqualTo("message_recalled");
            assertThat(live.get("sessionId").asText()).isEqualTo("rc");
            assertThat(live.get("seq").asLong()).isEqualTo(1);
            assertThat(live.get("recalledBy").asText()).isEqualTo("dr-r");
            assertThat(live.hasNonNull("recalledAt")).isTrue();

            // A device that held both messages and saw no change catches up from change 0.
            phone.send("{\"type\":\"sync\",\"id\":\"s1\",\"sessions\":[{\"sessionId\":\"rc\",\"afterSeq\":2}]}");
            JsonNode recalled = phone.next();
            assertThat(recalled.get("type").asText()).isEqualTo("message_recalled");
            assertThat(recalled.get("seq").asLong()).isEqualTo(1);
            JsonNode synced = phone.next();
            assertThat(synced.get("type").asText()).isEqualTo("synced");
            assertThat(synced.at("/sessions/0/lastChange").asLong()).isEqualTo(1);

            // From that change on there is nothing new; a device that held nothing gets the message as recalled.
            phone.send("{\"type\":\"sync\",\"id\":\"s2\",\"sessions\":[{\"sessionId\":\"rc\",\"afterSeq\":2,"
                    + "\"afterChange\":1}]}");
            assertThat(phone.next().get("type").asText()).isEqualTo("synced");
            phone.send("{\"type\":\"sync\",\"id\":\"s3\",\"sessions\":[{\"sessionId\":\"rc\",\"afterSeq\":0}]}");
            JsonNode first = phone.next();
            assertThat(first.get("type").asText()).isEqualTo("message");
            assertThat(first.get("recalled").asBoolean()).isTrue();
            assertThat(first.has("content")).isFalse();
            assertThat(phone.next().at("/content/text").asText()).isEqualTo("second");
            assertThat(phone.next().get("type").asText()).isEqualTo("synced");
        } finally {
            phone.close();
        }
    }
}
