package io.careline.admin;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.careline.realtime.frame.CloseCode;
import io.careline.testing.Actor;
import io.careline.testing.JdkDevice;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The admin API: connections on every node, counts, force disconnect with its audit entry, live figures. */
@QuarkusTest
class AdminApiTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor admin = Actor.of(tenant, "admin-a", "admin");
    final Actor doctor = Actor.of(tenant, "dr-a", "doctor");
    final Actor patient = Actor.of(tenant, "pat-a", "patient");

    @Test
    void listsTheTenantsConnectionsWithWhoWhatAndSinceWhenAndFiltersThemExactly() {
        try (JdkDevice phone = JdkDevice.connect(server, patient.token(), "ios");
                JdkDevice browser = JdkDevice.connect(server, doctor.token(), "web");
                JdkDevice unnamed = JdkDevice.connect(server, patient.token(), "Web")) {
            Awaitility.await().untilAsserted(() -> connections(admin, "").body("total", is(3)));
            connections(admin, "?userId=pat-a").body("total", is(2))
                    .body("items.connectionId", contains(phone.connectionId(), unnamed.connectionId()))
                    .body("items.clientType", contains("ios", "unknown"))
                    .body("items[0].role", is("patient"))
                    .body("items[0].node", notNullValue())
                    .body("items[0].connectedAt", notNullValue())
                    .body("items[0].lastActiveAt", notNullValue())
                    .body("items[0].userAgent", startsWith("Java-http-client"));
            connections(admin, "?userId=PAT-A").body("total", is(0));
            connections(admin, "?role=doctor&clientType=web").body("items.connectionId",
                    contains(browser.connectionId()));
            connections(admin, "?limit=1").body("total", is(3)).body("items.connectionId",
                    contains(phone.connectionId()));
            admin.req().get("/api/v1/admin/connections/stats").then().statusCode(200)
                    .body("connections", is(3)).body("users", is(2))
                    .body("byRole", is(Map.of("doctor", 1, "patient", 2)))
                    .body("byClientType", is(Map.of("ios", 1, "web", 1, "unknown", 1)));
        }
        Awaitility.await().untilAsserted(() -> connections(admin, "").body("total", is(0)));
    }

    @Test
    void onlyAdminsOfTheSameTenantSeeConnections() {
        try (JdkDevice phone = JdkDevice.connect(server, patient.token())) {
            Awaitility.await().untilAsserted(() -> connections(admin, "").body("total", is(1)));
            Actor otherAdmin = Actor.of(Tokens.freshTenant(), "admin-a", "admin");
            connections(otherAdmin, "").body("total", is(0)).body("items", empty());
            otherAdmin.req().get("/api/v1/admin/connections/stats").then().statusCode(200).body("connections", is(0));
            otherAdmin.req().contentType("application/json").body(Map.of("userId", "pat-a"))
                    .post("/api/v1/admin/connections/disconnect").then().statusCode(404)
                    .body("code", is("CONNECTION_NOT_FOUND"));
            for (Actor stranger : List.of(doctor, patient, Actor.of(tenant, "his", "service"))) {
                stranger.req().get("/api/v1/admin/connections").then().statusCode(403);
                stranger.req().get("/api/v1/admin/connections/stats").then().statusCode(403);
                stranger.req().get("/api/v1/admin/figures").then().statusCode(403);
                stranger.req().get("/api/v1/admin/audit").then().statusCode(403);
                stranger.req().contentType("application/json").body(Map.of("userId", "pat-a"))
                        .post("/api/v1/admin/connections/disconnect").then().statusCode(403);
            }
            assertThat(phone.isClosed()).isFalse();
            otherAdmin.req().get("/api/v1/admin/audit").then().statusCode(200).body("items", empty());
        }
    }

    @Test
    void forceDisconnectClosesTheNamedDeviceWithTheDoNotReconnectCodeAndIsAudited() throws Exception {
        try (JdkDevice phone = JdkDevice.connect(server, patient.token());
                JdkDevice tablet = JdkDevice.connect(server, patient.token())) {
            Awaitility.await().untilAsserted(() -> connections(admin, "?userId=pat-a").body("total", is(2)));
            admin.req().contentType("application/json")
                    .body(Map.of("userId", "pat-a", "connectionId", phone.connectionId(), "reason", "lost phone"))
                    .post("/api/v1/admin/connections/disconnect").then().statusCode(202)
                    .body("connectionIds", contains(phone.connectionId())).body("closeCode", is(4500));
            assertThat(phone.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCode.DISCONNECTED_BY_ADMIN.code());
            assertThat(tablet.isClosed()).isFalse();
            admin.req().get("/api/v1/admin/audit").then().statusCode(200)
                    .body("items.action", contains("disconnect")).body("items[0].actorId", is("admin-a"))
                    .body("items[0].targetUserId", is("pat-a")).body("items[0].reason", is("lost phone"))
                    .body("items[0].connectionIds", contains(phone.connectionId()));

            admin.req().contentType("application/json").body(Map.of("userId", "pat-a"))
                    .post("/api/v1/admin/connections/disconnect").then().statusCode(202)
                    .body("connectionIds", contains(tablet.connectionId()));
            assertThat(tablet.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCode.DISCONNECTED_BY_ADMIN.code());
            admin.req().get("/api/v1/admin/audit").then().body("items", org.hamcrest.Matchers.hasSize(2));
        }
    }

    @Test
    void aRefusedDisconnectChangesNothingAndRecordsNothing() {
        try (JdkDevice phone = JdkDevice.connect(server, patient.token())) {
            Awaitility.await().untilAsserted(() -> connections(admin, "").body("total", is(1)));
            for (Object body : List.of(Map.of("userId", "nobody"), Map.of("userId", "pat-a", "connectionId", "nope"),
                    Map.of("userId", "dr-a"))) {
                admin.req().contentType("application/json").body(body).post("/api/v1/admin/connections/disconnect")
                        .then().statusCode(404).body("code", is("CONNECTION_NOT_FOUND"));
            }
            for (String body : List.of("{}", "{\"userId\":7}", "{\"userId\":\"pat-a\",\"extra\":1}",
                    "{\"userId\":\"pat-a\",\"reason\":\"" + "x".repeat(257) + "\"}", "[]", "")) {
                admin.req().contentType("application/json").body(body).post("/api/v1/admin/connections/disconnect")
                        .then().statusCode(400);
            }
            assertThat(phone.isClosed()).isFalse();
            admin.req().get("/api/v1/admin/audit").then().statusCode(200).body("items", empty());
        }
    }

    @Test
    void figuresShowThisNodesMessageRateAndDeliveryLatency() {
        createSession(doctor, "fig-" + tenant, "consultation", "dr-a:doctor", "pat-a:patient");
        try (JdkDevice phone = JdkDevice.connect(server, patient.token())) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                sendText(doctor, "fig-" + tenant, "hello");
                admin.req().get("/api/v1/admin/figures").then().statusCode(200)
                        .body("nodes.size()", greaterThan(0))
                        .body("total.node", is("all"))
                        .body("total.messagesPerSecond", greaterThan(0f))
                        .body("total.deliveryLatencyP99Ms", notNullValue())
                        .body("outbox.keySet()", containsInAnyOrder("queued", "sending", "sent", "skipped", "dead"));
            });
        }
    }

    private ValidatableResponse connections(Actor caller, String query) {
        return caller.req().get("/api/v1/admin/connections" + query).then().statusCode(200);
    }
}
