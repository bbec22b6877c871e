package io.careline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.JdkDevice;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, jar or native executable (-Dnative), answers every kind of request with real
 * bodies: what reflection the native image lacks shows up here as empty problems, MALFORMED_JSON frames or
 * 500s on the lists built from query projections.
 */
class PackagedSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static PackagedApp app;
    private static String metricsAtStart;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-smoke", "doctor");

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start(Map.of());
        metricsAtStart = app.metrics();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(URI uri, Actor actor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (actor != null) {
            request.header("Authorization", "Bearer " + actor.token());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void restListsCountsAndProblems() throws Exception {
        assertThat(Http.post(app.api("/api/v1/sessions"), his, "{\"id\":\"smoke\",\"type\":\"consultation\","
                + "\"participants\":[{\"userId\":\"dr-smoke\",\"role\":\"doctor\"},{\"userId\":\"pat-smoke\","
                + "\"role\":\"patient\"}]}").statusCode()).isEqualTo(201);
        assertThat(Http.post(app.api("/api/v1/sessions/smoke/topics"), his, "{\"id\":\"smoke-topic\"}").statusCode())
                .isEqualTo(201);
        Http.sendText(app, his, "smoke", "hello");

        assertThat(json(get(app.api("/api/v1/sessions"), doctor)).at("/items/0/id").asText()).isEqualTo("smoke");
        assertThat(json(get(app.api("/api/v1/sessions/counts"), doctor)).get("unread").asLong()).isEqualTo(2);
        assertThat(json(get(app.api("/api/v1/me/unread"), doctor)).at("/sessions/0/sessionId").asText())
                .isEqualTo("smoke");
        assertThat(json(get(app.api("/api/v1/topics?state=unreplied"), doctor)).at("/items/0/id").asText())
                .isEqualTo("smoke-topic");
        assertThat(json(get(app.api("/api/v1/topics/counts"), doctor)).get("unreplied").asLong()).isEqualTo(1);
        assertThat(json(get(app.api("/api/v1/sessions/smoke/messages"), doctor)).at("/items/1/content/text").asText())
                .isEqualTo("hello");

        HttpResponse<String> malformed = Http.post(app.api("/api/v1/sessions"), his, "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("code").asText()).isEqualTo("MALFORMED_JSON");
        HttpResponse<String> unauthenticated = get(app.api("/api/v1/sessions"), null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(json(unauthenticated).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> wrongType = Http.post(app.api("/api/v1/sessions/smoke/read"), doctor, "{\"seq\":\"1\"}");
        assertThat(json(wrongType).at("/errors/0/field").asText()).isEqualTo("seq");
    }

    @Test
    void aNotificationBatchIsAnsweredItemByItem() throws Exception {
        assertThat(Http.put(app.api("/api/v1/users/dr-smoke"), his, "{\"role\":\"doctor\"}").statusCode())
                .isIn(200, 201);
        String item = "{\"recipients\":[\"%s\"],\"type\":\"exam_result\",\"title\":\"%s\",\"content\":\"ready\"}";
        HttpResponse<String> batch = Http.post(app.api("/api/v1/notifications/batch"), his, "{\"items\":["
                + item.formatted("dr-smoke", "CT") + "," + item.formatted("nobody", "X") + "," + "{\"type\":\"exam_result\"}"
                + "]}");

        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        JsonNode items = json(batch).get("items");
        assertThat(items.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(items.get(0).at("/notification/recipientCount").asInt()).isEqualTo(1);
        assertThat(items.get(1).at("/problem/code").asText()).isEqualTo("RECIPIENT_REFUSED");
        assertThat(items.get(2).at("/problem/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(json(get(app.api("/api/v1/notifications"), doctor)).at("/items/0/title").asText()).isEqualTo("CT");
    }

    @Test
    void clinicalIntegrityEndpointsAnswerWithTheirBodies() throws Exception {
        Actor patient = Actor.of(tenant, "pat-ci", "patient");
        Actor admin = Actor.of(tenant, "admin-ci", "admin");
        assertThat(Http.post(app.api("/api/v1/sessions"), his, "{\"id\":\"ci\",\"type\":\"group\",\"participants\":"
                + "[{\"userId\":\"dr-smoke\",\"role\":\"doctor\"},{\"userId\":\"pat-ci\",\"role\":\"patient\"},"
                + "{\"userId\":\"nurse-ci\",\"role\":\"nurse\"}]}").statusCode()).isEqualTo(201);
        HttpResponse<String> forged = Http.post(app.api("/api/v1/sessions/ci/messages"), patient,
                "{\"type\":\"diagnosis\",\"content\":{\"text\":\"healthy\"}}");
        assertThat(json(forged).get("code").asText()).isEqualTo("MESSAGE_TYPE_FORBIDDEN");
        Http.sendText(app, patient, "ci", "my chest hurts");
        HttpResponse<String> forward = Http.post(app.api("/api/v1/sessions/ci/messages"), doctor,
                "{\"type\":\"forward\",\"content\":{\"sourceSessionId\":\"ci\",\"sourceSeq\":1}}");
        assertThat(json(forward).at("/content/original/content/text").asText()).as(forward.body())
                .isEqualTo("my chest hurts");
        assertThat(Http.post(app.api("/api/v1/sessions/ci/read"), patient, "{\"seq\":2}").statusCode()).isEqualTo(200);
        assertThat(json(get(app.api("/api/v1/sessions/ci/messages/2/reads"), doctor)).at("/readers/0/userId").asText())
                .isEqualTo("pat-ci");
        assertThat(json(get(app.api("/api/v1/sessions/ci/messages/2"), doctor)).get("readCount").asInt()).isEqualTo(1);
        assertThat(json(Http.patch(app.api("/api/v1/sessions/ci/messages/1"), patient,
                "{\"content\":{\"text\":\"my chest hurts a lot\"}}")).get("revision").asInt()).isEqualTo(1);
        assertThat(json(Http.post(app.api("/api/v1/sessions/ci/messages/1/recall"), patient, "{\"reason\":\"typo\"}"))
                .get("recalled").asBoolean()).isTrue();
        JsonNode audit = json(get(app.api("/api/v1/admin/messages/ci/1/audit"), admin));
        assertThat(audit.at("/entries/1/content/text").asText()).as(audit.toString()).isEqualTo("my chest hurts a lot");
        assertThat(audit.at("/entries/2/action").asText()).isEqualTo("recalled");
        assertThat(Http.put(app.api("/api/v1/retention-policies/group"), admin, "{\"keepDays\":30}").statusCode())
                .isEqualTo(201);
        assertThat(json(get(app.api("/api/v1/retention-policies"), admin)).at("/0/keepDays").asInt()).isEqualTo(30);
        assertThat(json(Http.put(app.api("/api/v1/sessions/ci/legal-hold"), admin, "")).get("onHold").asBoolean())
                .isTrue();
        try (JdkDevice phone = JdkDevice.connect(app.api("/"), doctor.token())) {
            phone.send("{\"type\":\"sync\",\"sessions\":[{\"sessionId\":\"ci\",\"afterSeq\":2,\"afterChange\":1}]}");
            assertThat(phone.next("message_recalled").get("seq").asLong()).isEqualTo(1);
            assertThat(phone.next("synced").at("/sessions/0/lastChange").asLong()).isEqualTo(2);
        }
    }

    @Test
    void anUnacknowledgedAlertIsRepeatedByTheNodesOwnSchedule() throws Exception {
        Actor admin = Actor.of(tenant, "admin-esc", "admin");
        Actor nurse = Actor.of(tenant, "nurse-esc", "nurse");
        assertThat(Http.put(app.api("/api/v1/users/nurse-esc"), his, "{\"role\":\"nurse\"}").statusCode())
                .isIn(200, 201);
        assertThat(Http.put(app.api("/api/v1/escalation-policies/fast"), admin,
                "{\"steps\":[{\"afterSeconds\":1,\"action\":\"repeat\"}]}").statusCode()).isEqualTo(201);
        try (JdkDevice pager = JdkDevice.connect(app.api("/"), nurse.token())) {
            HttpResponse<String> sent = Http.post(app.api("/api/v1/notifications"), his, "{\"recipients\":"
                    + "[\"nurse-esc\"],\"type\":\"system_alert\",\"title\":\"Bed 4 SpO2 82%\",\"content\":"
                    + "\"Check now\",\"escalationPolicyId\":\"fast\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            assertThat(pager.next("notification").get("requiresAck").asBoolean()).isTrue();
            assertThat(pager.next("notification").get("repeat").asInt()).isEqualTo(1);
        }
    }

    @Test
    void webSocketFramesBothWays() throws Exception {
        assertThat(Http.post(app.api("/api/v1/sessions"), his, "{\"id\":\"smoke-ws\",\"type\":\"group\","
                + "\"participants\":[{\"userId\":\"dr-smoke\",\"role\":\"doctor\"}]}").statusCode()).isEqualTo(201);
        try (JdkDevice phone = JdkDevice.connect(app.api("/"), doctor.token())) {
            phone.send("{\"type\":\"send\",\"sessionId\":\"smoke-ws\",\"clientMsgId\":\"c-1\",\"msgType\":\"text\","
                    + "\"content\":{\"text\":\"over the socket\"}}");
            assertThat(phone.next("ack").get("seq").asLong()).isEqualTo(1);
            phone.send("{\"type\":\"sync\",\"id\":\"y\",\"sessions\":[{\"sessionId\":\"smoke-ws\",\"afterSeq\":0}]}");
            assertThat(phone.next("message").at("/content/text").asText()).isEqualTo("over the socket");
            assertThat(phone.next("synced").at("/sessions/0/lastSeq").asLong()).isEqualTo(1);
            phone.send("{\"type\":\"read\",\"id\":\"r-1\",\"sessionId\":\"smoke-ws\",\"seq\":1.5}");
            JsonNode error = phone.next("error");
            assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.get("ref").asText()).isEqualTo("r-1");
        }
    }

    @Test
    void healthAndMetricsOnTheManagementPort() throws Exception {
        URI management = URI.create("http://localhost:" + app.managementPort);
        HttpResponse<String> ready = get(management.resolve("/q/health/ready"), null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"warmup\"", "\"redis\"");
        assertThat(get(management.resolve("/q/metrics"), null).body()).contains("careline_messages_accepted_total",
                "careline_ws_connections");
        // Alerts need the series before the first message or connection, not only after.
        assertThat(metricsAtStart).contains("careline_messages_accepted_total 0.0", "careline_ws_connections 0.0",
                "careline_fanout_published_total 0.0");
    }
}
