package io.careline.escalation;

import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation ladders: while the recipient has not acknowledged, each step fires once at its time (repeat, the
 * next person on call, a role), logged; an acknowledgement stops the next step. Policies are validated and
 * belong to the tenant's admins.
 */
@QuarkusTest
class EscalationTest {
    @TestHTTPResource("/")
    URI server;

    @Inject
    TestClock clock;

    @Inject
    LadderWorker worker;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final List<String> tenants = new ArrayList<>(List.of(tenant));
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-e", "admin");
    final Actor nurse = Actor.of(tenant, "nurse-e", "nurse");
    final Actor backup = Actor.of(tenant, "nurse-f", "nurse");
    final Actor doctor = Actor.of(tenant, "dr-e", "doctor");

    @BeforeEach
    void setUp() {
        profile(his, "nurse-e", "nurse", "icu");
        profile(his, "nurse-f", "nurse", "icu");
        profile(his, "dr-e", "doctor", "icu");
        Instant now = Instant.now();
        his.req().body(Map.of("name", "ICU", "shifts", List.of(
                Map.of("userId", "nurse-e", "startsAt", now.minus(Duration.ofHours(1)).toString(),
                        "endsAt", now.plus(Duration.ofHours(8)).toString()),
                Map.of("userId", "nurse-f", "startsAt", now.minus(Duration.ofHours(1)).toString(),
                        "endsAt", now.plus(Duration.ofHours(8)).toString()))))
                .put("/api/v1/rosters/icu").then().statusCode(201);
        admin.req().body(Map.of("name", "Sepsis alert", "steps", List.of(
                Map.of("afterSeconds", 60, "action", "repeat"),
                Map.of("afterSeconds", 120, "action", "next_oncall", "rosterId", "icu"),
                Map.of("afterSeconds", 180, "action", "notify_role", "role", "doctor"))))
                .put("/api/v1/escalation-policies/sepsis").then().statusCode(201);
    }

    @AfterEach
    void realTime() {
        // Steps left waiting would be fired by later tests' workers once their clocks pass them.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM escalation_timers WHERE tenant_id IN (?1)").setParameter(1, tenants).executeUpdate());
        clock.reset();
    }

    private String alert(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("recipients", List.of("nurse-e"), "type", "system_alert",
                "title", "Bed 4 lactate 4.2", "content", "Sepsis screen positive"));
        body.putAll(extra);
        return send(his, body).statusCode(201).extract().path("notificationId");
    }

    private Instant sentAt(String id) {
        return Instant.parse(nurse.req().get("/api/v1/notifications/{id}", id).then().extract().path("createdAt"));
    }

    private List<String> escalations(String id) {
        return admin.req().get("/api/v1/notification-log?notificationId={id}&action=escalated", id).then()
                .statusCode(200).extract().path("items.detail");
    }

    @Test
    void anUnacknowledgedAlertClimbsTheLadderOneStepAtATimeEachOnce() throws Exception {
        Device phone = Device.connect(server, nurse);
        try {
            String id = alert(Map.of("escalationPolicyId", "sepsis"));
            assertThat(phone.next().get("type").asText()).isEqualTo("notification");
            Instant sent = sentAt(id);

            clock.fixAt(sent.plusSeconds(59));
            assertThat(worker.runDue()).isZero();
            clock.fixAt(sent.plusSeconds(60));
            assertThat(worker.runDue()).isEqualTo(1);
            assertThat(worker.runDue()).as("each step fires once").isZero();
            JsonNode repeated = phone.next();
            assertThat(repeated.get("id").asText()).isEqualTo(id);
            assertThat(repeated.get("repeat").asInt()).isEqualTo(1);

            clock.fixAt(sent.plusSeconds(121));
            assertThat(worker.runDue()).isEqualTo(1);
            backup.req().get("/api/v1/notifications").then().body("items.title", contains("Bed 4 lactate 4.2"))
                    .body("items[0].requiresAck", equalTo(true));
            clock.fixAt(sent.plusSeconds(181));
            assertThat(worker.runDue()).isEqualTo(1);
            doctor.req().get("/api/v1/notifications").then().body("items.title", contains("Bed 4 lactate 4.2"));
            clock.fixAt(sent.plusSeconds(3600));
            assertThat(worker.runDue()).as("the ladder has three steps").isZero();

            assertThat(escalations(id)).containsExactly("step 1: repeat (frame and push)",
                    "step 2: next_oncall icu → nurse-f: 1 alerted", "step 3: notify_role doctor: 1 alerted");
        } finally {
            phone.close();
        }
    }

    @Test
    void stepsOfTwoTenantsDueAtOnceFireEachInItsOwnTenant() {
        String other = Tokens.freshTenant();
        tenants.add(other);
        Actor otherSystem = Actor.of(other, "his", "service");
        Actor otherAdmin = Actor.of(other, "admin-e", "admin");
        profile(otherSystem, "nurse-e", "nurse", "icu");
        otherAdmin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "repeat"))))
                .put("/api/v1/escalation-policies/sepsis").then().statusCode(201);
        String here = alert(Map.of("escalationPolicyId", "sepsis"));
        String there = send(otherSystem, Map.of("recipients", List.of("nurse-e"), "type", "system_alert", "title",
                "Bed 9", "content", "Fall", "escalationPolicyId", "sepsis")).statusCode(201).extract()
                .path("notificationId");

        clock.fixAt(sentAt(here).plusSeconds(61));
        assertThat(worker.runDue()).isEqualTo(2);
        assertThat(escalations(here)).containsExactly("step 1: repeat (frame and push)");
        assertThat(otherAdmin.req().get("/api/v1/notification-log?notificationId={id}&action=escalated", there)
                .then().statusCode(200).extract().<List<String>>path("items.detail"))
                .containsExactly("step 1: repeat (frame and push)");
        admin.req().get("/api/v1/notification-log?notificationId={id}&action=escalated", there).then()
                .statusCode(404);
    }

    @Test
    void anAcknowledgementStopsTheNextStep() {
        String id = alert(Map.of("escalationPolicyId", "sepsis"));
        nurse.req().post("/api/v1/notifications/{id}/ack", id).then().statusCode(200);
        clock.fixAt(sentAt(id).plusSeconds(61));
        assertThat(worker.runDue()).isEqualTo(1);
        clock.fixAt(sentAt(id).plusSeconds(3600));
        assertThat(worker.runDue()).isZero();
        assertThat(escalations(id)).isEmpty();
        backup.req().get("/api/v1/notifications").then().body("items", empty());
    }

    @Test
    void aPolicyAttachedToTheTypeAndPriorityClimbsWithoutBeingNamed() {
        admin.req().body(Map.of("notificationType", "system_alert", "priority", "urgent", "steps", List.of(
                Map.of("afterSeconds", 30, "action", "repeat")))).put("/api/v1/escalation-policies/alerts").then()
                .statusCode(201);
        String urgent = alert(Map.of());
        String normal = alert(Map.of("priority", "normal"));
        clock.fixAt(sentAt(normal).plusSeconds(31));
        assertThat(worker.runDue()).isEqualTo(1);
        assertThat(escalations(urgent)).containsExactly("step 1: repeat (frame and push)");
        assertThat(escalations(normal)).isEmpty();
    }

    @Test
    void policiesAreValidatedAndBelongToTheTenantsAdmins() {
        String policies = "/api/v1/escalation-policies/bad";
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "repeat"),
                Map.of("afterSeconds", 60, "action", "repeat")))).put(policies).then().statusCode(400)
                .body("errors.field", hasItem("steps[1].afterSeconds"));
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "notify_role", "role", "nurse",
                "department", "icu")))).put(policies).then().statusCode(400).body("errors.field", hasItem("steps[0]"));
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "email", "role", "nurse"))))
                .put(policies).then().statusCode(400).body("errors.field", hasItem("steps[0]"));
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "page")))).put(policies).then()
                .statusCode(400);
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", "60", "action", "repeat")))).put(policies)
                .then().statusCode(400);
        admin.req().body(Map.of("steps", List.of())).put(policies).then().statusCode(400);
        admin.req().get(policies).then().statusCode(404).body("code", equalTo("ESCALATION_POLICY_NOT_FOUND"));

        nurse.req().get("/api/v1/escalation-policies/sepsis").then().statusCode(403);
        his.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "repeat")))).put(policies).then()
                .statusCode(403);
        Actor.of(Tokens.freshTenant(), "admin-e", "admin").req().get("/api/v1/escalation-policies/sepsis").then()
                .statusCode(404);
        admin.req().get("/api/v1/escalation-policies").then().body("id", contains("sepsis"))
                .body("[0].steps.action", contains("repeat", "next_oncall", "notify_role"));

        send(his, Map.of("recipients", List.of("nurse-e"), "type", "system_alert", "title", "x", "content", "y",
                "escalationPolicyId", "no-such")).statusCode(404).body("code", equalTo("ESCALATION_POLICY_NOT_FOUND"));
        nurse.req().get("/api/v1/notifications").then().body("items", empty());
    }
}
