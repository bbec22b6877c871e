package io.careline.push.rules;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.careline.push.outbox.PushWorker;
import io.careline.testing.Actor;
import io.careline.testing.FakeProviders;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Business events become notifications and pushes through rules: states, idempotency, order, delays, access. */
@QuarkusTest
class PushRulesTest {
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    PushWorker worker;

    @Inject
    RuleTimers timers;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-r", "admin");
    final Actor patient = Actor.of(tenant, "pat-r", "patient");
    @Inject
    RedisDataSource redis;

    FakeProviders providers;
    String openid;

    @BeforeEach
    void setUp() throws Exception {
        providers = FakeProviders.get();
        redis.key().del(FakeProviders.wechatTokenKeys());
        clock.fixAt(T0);
        profile(his, "pat-r", "patient", null);
        profile(his, "nurse-r", "nurse", null);
        admin.req().body(Map.of("defaultPriority", "normal", "senderRoles", List.of("service"),
                "recipientRoles", List.of("patient", "nurse"))).put("/api/v1/notification-types/order_update")
                .then().statusCode(201);
        openid = "openid-" + UUID.randomUUID();
        patient.req().body(Map.of("platform", "wechat", "provider", "wechat", "token", openid, "clientType",
                "patient", "locale", "zh-CN")).put("/api/v1/me/devices/wx").then().statusCode(201);
    }

    @AfterEach
    void realTime() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM push_outbox WHERE tenant_id = ?1").setParameter(1, tenant)
                    .executeUpdate();
            entityManager.createNativeQuery("DELETE FROM rule_timers WHERE tenant_id = ?1").setParameter(1, tenant)
                    .executeUpdate();
        });
        clock.reset();
    }

    static Map<String, Object> rule(String scenario, List<String> states, String recipient, int delaySeconds) {
        return Map.of("scenario", scenario, "entity", "order", "states", states, "recipient", recipient,
                "notificationType", "order_update", "channels", List.of("wechat", "app"),
                "delaySeconds", delaySeconds, "templates", Map.of("default", Map.of(
                        "zh", Map.of("title", "{hospital ?: '优护助手'}", "body", "您的订单已接单，点击查看订单详情。"),
                        "en", Map.of("title", "Careline", "body", "Your order ({toState}) was accepted"))));
    }

    static Map<String, Object> event(String eventId, String orderId, String from, String to, Instant at) {
        return Map.of("eventId", eventId, "entity", "order", "entityId", orderId, "fromState", from, "toState", to,
                "occurredAt", at.toString(), "subjects", Map.of("patient", List.of("pat-r"), "nurse", List.of("nurse-r")),
                "data", Map.of("patientName", "Zhang San", "diagnosis", "carcinoma"));
    }

    @Test
    void rulesAreAdminsOnlyAndTheirTextsCanNameOnlyAllowedFields() {
        patient.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(403);
        his.req().get("/api/v1/push/rules").then().statusCode(403);
        Map<String, Object> leaky = new java.util.HashMap<>(rule("leaky", List.of("accepted"), "patient", 0));
        leaky.put("templates", Map.of("default", Map.of("en", Map.of("title", "x", "body", "Dear {patientName}"))));
        admin.req().body(leaky).post("/api/v1/push/rules").then().statusCode(400)
                .body("errors[0].field", is("templates.default.en.body"));
        Map<String, Object> unknownType = new java.util.HashMap<>(rule("typo", List.of("accepted"), "patient", 0));
        unknownType.put("notificationType", "no_such_type");
        admin.req().body(unknownType).post("/api/v1/push/rules").then().statusCode(400)
                .body("errors[0].field", is("notificationType"));
        admin.req().get("/api/v1/push/rules").then().statusCode(200).body("$", hasSize(0));
        String id = admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201).extract().path("id");
        admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(409).body("code", is("RULE_CONFLICT"));
        Actor.of(Tokens.freshTenant(), "admin-r", "admin").req().get("/api/v1/push/rules/{id}", id).then()
                .statusCode(404).body("code", is("RULE_NOT_FOUND"));
        admin.req().body(Map.of("toState", "accepted", "locale", "en")).post("/api/v1/push/rules/{id}/preview", id)
                .then().statusCode(200).body("wechat.body", is("Your order (accepted) was accepted"))
                .body("app.title", is("Careline"));
    }

    @Test
    void seed001sScenariosImportOnceAndFireOnTheirTransitions() throws Exception {
        String set = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/resources/" + io.careline.push.rules.ExampleRules.RESOURCE));
        admin.req().body(set).post("/api/v1/push/rules/import").then().statusCode(200).body("created", is(15));
        admin.req().body(set).post("/api/v1/push/rules/import").then().statusCode(200).body("created", is(0));
        his.req().body(event("n1", "o7", "waiting_acceptance", "accepted", T0)).post("/api/v1/events").then()
                .statusCode(202).body("matched.scenario", org.hamcrest.Matchers.contains("nurse_accepted"));
        his.req().body(event("n2", "o7", "accepted", "awaiting_service", T0.plusSeconds(1))).post("/api/v1/events")
                .then().statusCode(202).body("matched", hasSize(0));
        his.req().body(event("n3", "o7", "awaiting_service", "in_service", T0.plusSeconds(2))).post("/api/v1/events")
                .then().statusCode(202).body("matched.scenario", org.hamcrest.Matchers.contains("service_started"));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(2))
                .body("items[0].body", is("Your service has started; health education material is ready. Tap to see it."));
    }

    @Test
    void anEventFiresItsRulesOnceAndPushesTheRuleTextWithoutTheEventsData() {
        admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        admin.req().body(rule("nurse_only", List.of("accepted"), "nurse", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        admin.req().body(rule("other_state", List.of("cancelled"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        var first = his.req().body(event("e1", "o1", "waiting", "accepted", T0)).post("/api/v1/events").then()
                .statusCode(202).body("outcome", is("acted")).body("matched", hasSize(2))
                .body("matched.find { it.scenario == 'accepted' }.pushes", is(1))
                .body("matched.find { it.scenario == 'nurse_only' }.pushes", is(0)).extract().jsonPath();
        String notificationId = first.getString("matched.find { it.scenario == 'accepted' }.notificationId");
        his.req().body(event("e1", "o1", "waiting", "accepted", T0)).post("/api/v1/events").then().statusCode(202)
                .body("matched.find { it.scenario == 'accepted' }.notificationId", is(notificationId));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(1))
                .body("items[0].body", is("Your order (accepted) was accepted"));
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        List<FakeProviders.Accepted> pushed = providers.acceptedFor(openid);
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).body().path("data").path("thing2").path("value").asText())
                .isEqualTo("您的订单已接单，点击查看订单详情。");
        assertThat(pushed.get(0).body().toString()).doesNotContain("Zhang").doesNotContain("carcinoma");
    }

    @Test
    void anOlderEventThanTheEntitysLastIsRecordedAndNotActedOn() {
        admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        his.req().body(event("e-new", "o2", "accepted", "in_service", T0)).post("/api/v1/events").then()
                .statusCode(202).body("matched", hasSize(0));
        his.req().body(event("e-old", "o2", "waiting", "accepted", T0.minusSeconds(60))).post("/api/v1/events")
                .then().statusCode(202).body("outcome", is("stale")).body("matched", hasSize(0));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    @Test
    void aTimeoutRuleFiresAfterItsDelayUnlessTheEntityLeftTheState() {
        admin.req().body(rule("no_taker", List.of("waiting"), "patient", 7200)).post("/api/v1/push/rules")
                .then().statusCode(201);
        his.req().body(event("w1", "o3", "paid", "waiting", T0)).post("/api/v1/events").then().statusCode(202)
                .body("matched[0].firesAt", is(T0.plus(Duration.ofHours(2)).toString()))
                .body("matched[0].notificationId", nullValue());
        his.req().body(event("w2", "o4", "paid", "waiting", T0)).post("/api/v1/events").then().statusCode(202);
        his.req().body(event("w3", "o4", "waiting", "accepted", T0.plusSeconds(600))).post("/api/v1/events")
                .then().statusCode(202);
        clock.fixAt(T0.plus(Duration.ofHours(2)).minusSeconds(1));
        assertThat(timers.runDue()).isZero();
        clock.fixAt(T0.plus(Duration.ofHours(2)));
        assertThat(timers.runDue()).isEqualTo(1);
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(1))
                .body("items[0].metadata.entityId", is("o3")).body("items[0].id", notNullValue());
    }

    @Test
    void parallelRepeatsOfAnEventActOnceAndAllAnswerTheFirstAnswer() throws Exception {
        admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> his.req().body(event("twice", "o9", "waiting", "accepted", T0))
                        .post("/api/v1/events").then().statusCode(202).extract().path("matched[0].notificationId")));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1).doesNotContainNull();
        } finally {
            pool.shutdown();
        }
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(1));
    }

    @Test
    void onlyTheTenantsServicesReportEventsAndBadEventsStoreNothing() {
        io.restassured.RestAssured.given().contentType("application/json")
                .body(event("anon", "o5", "waiting", "accepted", T0)).post("/api/v1/events").then().statusCode(401);
        admin.req().body(rule("accepted", List.of("accepted"), "patient", 0)).post("/api/v1/push/rules")
                .then().statusCode(201);
        patient.req().body(event("p1", "o5", "waiting", "accepted", T0)).post("/api/v1/events").then().statusCode(403);
        admin.req().body(event("p2", "o5", "waiting", "accepted", T0)).post("/api/v1/events").then().statusCode(403);
        Actor.of(Tokens.freshTenant(), "his", "service").req().body(event("p3", "o5", "waiting", "accepted", T0))
                .post("/api/v1/events").then().statusCode(202).body("matched", hasSize(0));
        Map<String, Object> bad = new java.util.HashMap<>(event("p4", "o5", "waiting", "accepted", T0));
        bad.put("occurredAt", 12);
        his.req().body(bad).post("/api/v1/events").then().statusCode(400);
        bad.put("occurredAt", T0.toString());
        bad.put("subjects", Map.of("patient", List.of()));
        his.req().body(bad).post("/api/v1/events").then().statusCode(400);
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
        // The refused p4 left no row: sending it properly now acts on it.
        his.req().body(event("p4", "o5", "waiting", "accepted", T0)).post("/api/v1/events").then().statusCode(202)
                .body("matched", hasSize(1));
    }
}
