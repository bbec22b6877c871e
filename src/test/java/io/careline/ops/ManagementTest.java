package io.careline.ops;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Probes and metrics answer on the management port only, where the ingress never routes. */
@QuarkusTest
class ManagementTest {
    final int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);

    @TestHTTPResource("/")
    URI server;

    @Test
    void probesAreUpOnTheManagementPortWithDatabaseAndRedisChecks() {
        for (String probe : new String[] { "live", "ready", "started" }) {
            given().port(managementPort).get("/q/health/" + probe).then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        given().port(managementPort).get("/q/health/ready").then()
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'redis' }.data.fanout", equalTo("subscribed"));
    }

    @Test
    void probesAndMetricsAreNotOnTheApplicationPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsCountAcceptedMessagesAndRestLatency() throws Exception {
        String tenant = Tokens.freshTenant();
        Actor doctor = Actor.of(tenant, "dr-m", "doctor");
        createSession(Actor.of(tenant, "his", "service"), "metered", "p2p", "dr-m:doctor");
        double before = acceptedSoFar();
        sendText(doctor, "metered", "counted");
        doctor.req().body(Map.of("type", "text", "content", Map.of("text", "x"), "clientMsgId", "once"))
                .post("/api/v1/sessions/metered/messages");
        doctor.req().body(Map.of("type", "text", "content", Map.of("text", "x"), "clientMsgId", "once"))
                .post("/api/v1/sessions/metered/messages").then().statusCode(200);
        Device phone = Device.connect(server, doctor);
        try {
            phone.send("""
                    {"type":"send","sessionId":"metered","clientMsgId":"ws-1","msgType":"text","content":{"text":"y"}}""");
            assertThat(phone.next().get("type").asText()).isEqualTo("ack");
        } finally {
            phone.close();
        }
        assertThat(acceptedSoFar()).isEqualTo(before + 3);
        given().port(managementPort).get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/sessions/{sessionId}/messages\""))
                .body(containsString("careline_messages_group_size_count"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("agroal_active_count"));
    }

    private double acceptedSoFar() {
        String metrics = given().port(managementPort).get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(line -> line.startsWith("careline_messages_accepted_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).sum();
    }
}
