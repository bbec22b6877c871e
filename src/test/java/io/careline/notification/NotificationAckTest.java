package io.careline.notification;

import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgement: urgent notifications (or any a send marks) ask for it; the recipient acknowledges over REST
 * or with an ack frame; acknowledged is a status of its own, counted, logged and told to the other devices.
 */
@QuarkusTest
class NotificationAckTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-k", "admin");
    final Actor nurse = Actor.of(tenant, "nurse-k", "nurse");
    final Actor doctor = Actor.of(tenant, "dr-k", "doctor");

    @BeforeEach
    void profiles() {
        profile(his, "nurse-k", "nurse", "icu");
        profile(his, "dr-k", "doctor", "icu");
    }

    private String sendTo(String priority, Boolean requiresAck) {
        Map<String, Object> body = new HashMap<>(Map.of("recipients", List.of("nurse-k"),
                "type", "system_alert", "title", "Bed 4 SpO2 82%", "content", "Check the patient", "priority", priority));
        if (requiresAck != null) {
            body.put("requiresAck", requiresAck);
        }
        return send(his, body).statusCode(201).extract().path("notificationId");
    }

    @Test
    void urgentNotificationsAskForAnAcknowledgementThatReadsThemAndCannotBeUndone() {
        String urgent = sendTo("urgent", null);
        String normal = sendTo("normal", null);
        String marked = sendTo("normal", true);
        nurse.req().get("/api/v1/notifications/{id}", urgent).then().body("requiresAck", equalTo(true));
        nurse.req().get("/api/v1/notifications/{id}", normal).then().body("$", not(hasKey("requiresAck")));
        nurse.req().get("/api/v1/notifications/counts").then().body("unacknowledged", equalTo(2))
                .body("unread", equalTo(3));

        nurse.req().post("/api/v1/notifications/{id}/ack", urgent).then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgedAt", notNullValue())
                .body("readAt", notNullValue());
        nurse.req().post("/api/v1/notifications/{id}/ack", urgent).then().statusCode(200)
                .body("status", equalTo("acknowledged"));
        nurse.req().body(Map.of("status", "unread")).put("/api/v1/notifications/{id}/status", urgent).then()
                .statusCode(200).body("status", equalTo("acknowledged"));
        nurse.req().get("/api/v1/notifications/counts").then().body("unacknowledged", equalTo(1))
                .body("unread", equalTo(2));
        nurse.req().body(Map.of("status", "acknowledged")).put("/api/v1/notifications/{id}/status", marked).then()
                .statusCode(200).body("status", equalTo("acknowledged"));
        admin.req().get("/api/v1/notification-log?notificationId={id}&action=acknowledged", urgent).then()
                .statusCode(200).body("items.userId", contains("nurse-k"));
    }

    @Test
    void onlyTheRecipientAcknowledges() {
        String urgent = sendTo("urgent", null);
        doctor.req().post("/api/v1/notifications/{id}/ack", urgent).then().statusCode(404)
                .body("code", equalTo("NOTIFICATION_NOT_FOUND"));
        Actor.of(Tokens.freshTenant(), "nurse-k", "nurse").req().post("/api/v1/notifications/{id}/ack", urgent).then()
                .statusCode(404);
        his.req().post("/api/v1/notifications/{id}/ack", urgent).then().statusCode(404);
        nurse.req().get("/api/v1/notifications/{id}", urgent).then().body("$", not(hasKey("acknowledgedAt")));
    }

    @Test
    void fhirPrioritiesAreAcceptedAsAliases() {
        String stat = sendTo("stat", null);
        nurse.req().get("/api/v1/notifications/{id}", stat).then().body("priority", equalTo("urgent"))
                .body("requiresAck", equalTo(true));
        String routine = sendTo("routine", null);
        nurse.req().get("/api/v1/notifications/{id}", routine).then().body("priority", equalTo("normal"));
        send(his, Map.of("recipients", List.of("nurse-k"), "type", "system_alert", "title", "x", "content", "y",
                "priority", "Stat")).statusCode(400);
    }

    @Test
    void anAckFrameAcknowledgesAndTheOtherDevicesHearOfIt() throws Exception {
        String urgent = sendTo("urgent", null);
        Device phone = Device.connect(server, nurse);
        Device tablet = Device.connect(server, nurse);
        try {
            phone.send("{\"type\":\"ack\",\"id\":\"a-1\",\"ids\":[\"" + urgent + "\"]}");
            JsonNode answer = phone.next();
            assertThat(answer.get("type").asText()).isEqualTo("acknowledged");
            assertThat(answer.get("id").asText()).isEqualTo("a-1");
            assertThat(answer.at("/ids/0").asText()).isEqualTo(urgent);
            JsonNode told = tablet.next();
            assertThat(told.get("type").asText()).isEqualTo("notification_status");
            assertThat(told.get("status").asText()).isEqualTo("acknowledged");
            phone.send("{\"type\":\"ack\",\"id\":\"a-2\",\"ids\":[]}");
            JsonNode refused = phone.next();
            assertThat(refused.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.get("ref").asText()).isEqualTo("a-2");
        } finally {
            phone.close();
            tablet.close();
        }
    }
}
