package io.careline.push.outbox;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.careline.push.PushConfig;
import io.careline.push.model.OutboxStore;
import io.careline.testing.Actor;
import io.careline.testing.FakeProviders.Answer;
import io.careline.testing.FakeProviders;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

/**
 * Messages and notifications become pushes through the outbox, claimed by two workers at a fixed clock: what
 * is pushed (and what never is), coalescing, leases, retries with backoff, dead rows, and a kill between send
 * and mark.
 */
@QuarkusTest
class PushOutboxTest {
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");
    static final String SECRET = "Diagnosis: stage II carcinoma, Zhang San";

    @Inject
    TestClock clock;

    @Inject
    PushWorker worker;

    @Inject
    OutboxStore outbox;

    @Inject
    PushConfig config;

    @Inject
    PushDispatcher dispatcher;

    @Inject
    OutboxRetention retention;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-p", "admin");
    final Actor doctor = Actor.of(tenant, "dr-p", "doctor");
    final Actor patient = Actor.of(tenant, "pat-p", "patient");
    FakeProviders providers;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        providers = FakeProviders.get();
        clock.fixAt(T0);
        profile(his, "dr-p", "doctor", null);
        profile(his, "pat-p", "patient", null);
        token = "fcm-" + UUID.randomUUID();
        patient.req().body(Map.of("platform", "android", "provider", "fcm", "token", token, "clientType", "patient",
                "locale", "zh-CN")).put("/api/v1/me/devices/phone").then().statusCode(201);
        createSession(his, "s-" + token.substring(4, 12), "consultation", "pat-p:patient", "dr-p:doctor");
    }

    @AfterEach
    void realTime() {
        // Rows waiting for a retry would be claimed by later tests' workers once their clocks pass them.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM push_outbox WHERE tenant_id = ?1").setParameter(1, tenant).executeUpdate());
        clock.reset();
    }

    private String session() {
        return "s-" + token.substring(4, 12);
    }

    @Test
    void devicesAreTheCallersOwnAndABadRegistrationStoresNothing() {
        patient.req().get("/api/v1/me/devices").then().statusCode(200).body("$", hasSize(1))
                .body("[0].deviceId", is("phone")).body("[0].locale", is("zh-CN"))
                .body("[0].tokenSuffix", is(token.substring(token.length() - 6)));
        patient.req().body(Map.of("platform", "android", "provider", "apns", "token", "x", "clientType", "patient"))
                .put("/api/v1/me/devices/tablet").then().statusCode(400).body("errors[0].field", is("provider"));
        patient.req().body(Map.of("platform", "android", "provider", "fcm", "token", 42, "clientType", "patient"))
                .put("/api/v1/me/devices/tablet").then().statusCode(400);
        patient.req().get("/api/v1/me/devices").then().body("$", hasSize(1));
        doctor.req().delete("/api/v1/me/devices/phone").then().statusCode(404).body("code", is("DEVICE_NOT_FOUND"));
        patient.req().get("/api/v1/me/devices").then().body("$", hasSize(1));
        patient.req().get("/api/v1/push/outbox").then().statusCode(403);
        Actor.of(Tokens.freshTenant(), "admin-p", "admin").req().get("/api/v1/push/outbox").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aMessageToAnOfflineRecipientIsPushedOnceWithoutItsContentAndWithTheBadge() {
        sendText(doctor, session(), SECRET);
        sendText(doctor, session(), SECRET + " again");
        sendText(doctor, session(), "third");
        assertThat(worker.runOnce("node-a")).as("not due before the coalescing window").isZero();
        clock.fixAt(T0.plus(config.coalesceWindow()));
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        List<FakeProviders.Accepted> pushed = providers.acceptedFor(token);
        assertThat(pushed).hasSize(1);
        String wire = pushed.get(0).body().toString();
        assertThat(wire).doesNotContain("Diagnosis").doesNotContain("Zhang").doesNotContain("third");
        assertThat(pushed.get(0).body().path("notification").path("body").asText()).isEqualTo("您的医护团队发来新消息（3条）");
        assertThat(pushed.get(0).body().path("data").path("badge").asText()).isEqualTo("3");
        assertThat(pushed.get(0).body().path("android").path("collapse_key").asText()).isEqualTo("session:" + session());
        JsonPath log = admin.req().get("/api/v1/push/outbox?userId=pat-p").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].state")).isEqualTo("sent");
        assertThat(log.getInt("items[0].coalesced")).isEqualTo(3);
        assertThat(log.getString("items[0].deviceId")).isEqualTo("phone");
    }

    @Test
    void aRecalledMessageIsPushedToNobodyButAPushStandingForOthersStillGoes() {
        sendText(doctor, session(), SECRET);
        doctor.req().post("/api/v1/sessions/{id}/messages/1/recall", session()).then().statusCode(200);
        clock.fixAt(T0.plus(config.coalesceWindow()));
        assertThat(worker.runOnce("node-a")).isZero();
        assertThat(providers.acceptedFor(token)).isEmpty();
        JsonPath log = admin.req().get("/api/v1/push/outbox?userId=pat-p").then().statusCode(200).extract().jsonPath();
        assertThat(log.getString("items[0].state")).isEqualTo("skipped");
        assertThat(log.getString("items[0].outcome")).isEqualTo("recalled");

        clock.fixAt(T0);
        sendText(doctor, session(), "first");
        sendText(doctor, session(), "second");
        doctor.req().post("/api/v1/sessions/{id}/messages/3/recall", session()).then().statusCode(200);
        clock.fixAt(T0.plus(config.coalesceWindow()));
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        assertThat(providers.acceptedFor(token)).hasSize(1);
    }

    @Test
    void aTenantMayNameItsHospitalAndItsStaffButNeverAPatient() {
        patient.req().body(Map.of("hospitalName", "Ruijin", "showSenderName", true)).put("/api/v1/push/settings")
                .then().statusCode(403);
        admin.req().body(Map.of("hospitalName", "Ruijin Hospital", "showSenderName", true))
                .put("/api/v1/push/settings").then().statusCode(200);
        admin.req().get("/api/v1/push/settings").then().statusCode(200).body("hospitalName", is("Ruijin Hospital"));
        his.req().body(Map.of("role", "doctor", "displayName", "Dr Wang")).put("/api/v1/users/dr-p").then()
                .statusCode(200);
        sendText(doctor, session(), "hello");
        afterWindow();
        var pushed = providers.acceptedFor(token).get(0).body().path("notification");
        assertThat(pushed.path("title").asText()).isEqualTo("Ruijin Hospital");
        assertThat(pushed.path("body").asText()).isEqualTo("Dr Wang发来新消息");

        String doctorToken = "fcm-" + UUID.randomUUID();
        doctor.req().body(Map.of("platform", "android", "provider", "fcm", "token", doctorToken, "clientType",
                "doctor", "locale", "en")).put("/api/v1/me/devices/phone").then().statusCode(201);
        his.req().body(Map.of("role", "patient", "displayName", "Zhang San")).put("/api/v1/users/pat-p").then()
                .statusCode(200);
        sendText(patient, session(), "my chest hurts");
        afterWindow();
        String body = providers.acceptedFor(doctorToken).get(0).body().path("notification").path("body").asText();
        assertThat(body).isEqualTo("New message from your patient");
    }

    @Test
    void finishedPushesOlderThanTheRetentionAreDeleted() {
        sendText(doctor, session(), "one");
        afterWindow();
        clock.fixAt(clock.instant().plus(config.retention()).minusSeconds(1));
        assertThat(retention.sweep()).isZero();
        clock.fixAt(clock.instant().plusSeconds(2));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(admin.req().get("/api/v1/push/outbox").then().extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void aMutedReadOrQuietRecipientIsNotPushed() {
        patient.req().put("/api/v1/sessions/{id}/mute", session()).then().statusCode(204);
        sendText(doctor, session(), "muted");
        afterWindow();
        patient.req().delete("/api/v1/sessions/{id}/mute", session()).then().statusCode(204);
        int seq = sendText(doctor, session(), "read on another device");
        patient.req().body(Map.of("seq", seq)).post("/api/v1/sessions/{id}/read", session()).then().statusCode(200);
        afterWindow();
        patient.req().body(Map.of("types", List.of(), "quietHours", Map.of("start", "00:00", "end", "23:59",
                "timeZone", "UTC")))
                .put("/api/v1/me/notification-settings").then().statusCode(200);
        sendText(doctor, session(), "at night");
        afterWindow();
        assertThat(providers.acceptedFor(token)).isEmpty();
        JsonPath log = admin.req().get("/api/v1/push/outbox?userId=pat-p&state=skipped").then().extract().jsonPath();
        assertThat(log.getList("items.outcome")).containsExactly("quiet_hours", "read", "muted");
    }

    @Test
    void urgentNotificationsPassQuietHoursAndAreNotWaitingForTheWindow() {
        patient.req().body(Map.of("types", List.of(), "quietHours", Map.of("start", "00:00", "end", "23:59",
                "timeZone", "UTC")))
                .put("/api/v1/me/notification-settings").then().statusCode(200);
        io.careline.testing.Notifications.send(admin, Map.of("recipients", List.of("pat-p"), "type", "system_alert",
                "title", SECRET, "content", SECRET, "priority", "urgent")).statusCode(201);
        io.careline.testing.Notifications.send(admin, Map.of("recipients", List.of("pat-p"), "type", "system_alert",
                "title", "normal", "content", "normal", "priority", "normal")).statusCode(201);
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        List<FakeProviders.Accepted> pushed = providers.acceptedFor(token);
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).body().toString()).doesNotContain("Diagnosis");
        assertThat(pushed.get(0).body().path("notification").path("body").asText()).isEqualTo("紧急：您有一条新通知");
        assertThat(pushed.get(0).body().path("android").path("priority").asText()).isEqualTo("HIGH");
    }

    @Test
    void twoNodesClaimDisjointRowsAndAnExpiredLeaseIsTakenOverWithTheSameIdempotencyKey() {
        sendText(doctor, session(), "one");
        clock.fixAt(T0.plus(config.coalesceWindow()));
        // Node A claims and dies before sending: its lease holds the row against node B until it runs out.
        var claimedByA = QuarkusTransaction.requiringNew().call(() -> outbox.claim("node-a",
                T0.plus(config.coalesceWindow()), config.lease(), 10));
        assertThat(claimedByA).hasSize(1);
        assertThat(worker.runOnce("node-b")).isZero();
        clock.fixAt(T0.plus(config.coalesceWindow()).plus(config.lease()));
        assertThat(worker.runOnce("node-b")).isEqualTo(1);
        // A's late result for its (older) attempt changes nothing.
        List<Long> recorded = QuarkusTransaction.requiringNew().call(() -> outbox.record(List.of(
                new OutboxStore.Rescheduled(claimedByA.get(0).pk(), claimedByA.get(0).attempt(), T0, "late")),
                T0));
        assertThat(recorded).isEmpty();
        List<FakeProviders.Accepted> pushed = providers.acceptedFor(token);
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).key()).isEqualTo(claimedByA.get(0).pushId());
        assertThat(admin.req().get("/api/v1/push/outbox?userId=pat-p").then().extract().jsonPath()
                .getInt("items[0].attempts")).isEqualTo(2);
    }

    @Test
    void aKillBetweenSendAndMarkResendsWithTheSameKeySoTheProviderSeesOnePush() {
        sendText(doctor, session(), "one");
        clock.fixAt(T0.plus(config.coalesceWindow()));
        var claimed = QuarkusTransaction.requiringNew().call(() -> outbox.claim("node-a",
                T0.plus(config.coalesceWindow()), config.lease(), 10));
        // Node A sent (the provider accepted) and was killed before recording it.
        Set<String> online = dispatcher.online(tenant, claimed);
        dispatcher.send(QuarkusTransaction.requiringNew().call(() -> dispatcher.decide(tenant, claimed, online,
                T0.plus(config.coalesceWindow()))));
        clock.fixAt(T0.plus(config.coalesceWindow()).plus(config.lease()));
        assertThat(worker.runOnce("node-b")).isEqualTo(1);
        List<FakeProviders.Accepted> pushed = providers.acceptedFor(token);
        assertThat(pushed).hasSize(2);
        assertThat(pushed.stream().map(FakeProviders.Accepted::key).distinct()).hasSize(1);
    }

    @Test
    void failuresAreRetriedWithBackoffThenDeadAndAnAdminCanRetryADeadPush() {
        for (int i = 0; i < config.maxAttempts(); i++) {
            providers.script(token, new Answer(503, FakeProviders.fcmError(503, "UNAVAILABLE", "UNAVAILABLE")));
        }
        sendText(doctor, session(), "one");
        Instant at = T0.plus(config.coalesceWindow());
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            clock.fixAt(at);
            assertThat(worker.runOnce("node-a")).as("attempt %d", attempt).isEqualTo(1);
            assertThat(worker.runOnce("node-a")).as("not due again before its backoff").isZero();
            Duration longest = new Backoff(config.backoffInitial(), config.backoffMax()).after(attempt, () -> 0.999999);
            at = at.plus(longest);
        }
        JsonPath dead = admin.req().get("/api/v1/push/outbox?state=dead").then().extract().jsonPath();
        assertThat(dead.getString("items[0].outcome")).isEqualTo("attempts_exhausted");
        assertThat(dead.getString("items[0].lastError")).isEqualTo("UNAVAILABLE");
        String pushId = dead.getString("items[0].pushId");
        admin.req().post("/api/v1/push/outbox/{id}/retry", pushId).then().statusCode(202);
        admin.req().post("/api/v1/push/outbox/{id}/retry", pushId).then().statusCode(409).body("code", is("PUSH_NOT_DEAD"));
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        assertThat(providers.acceptedFor(token)).hasSize(1);
    }

    @Test
    void aNotificationWhosePushesAreAllDeadAndNeverDeliveredLiveIsFailed() {
        providers.script(token, new Answer(400, FakeProviders.fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT")));
        String id = io.careline.testing.Notifications.send(admin, Map.of("recipients", List.of("pat-p"), "type",
                "system_alert", "title", "t", "content", "c", "priority", "urgent")).statusCode(201).extract()
                .path("notificationId");
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        patient.req().get("/api/v1/notifications/{id}", id).then().statusCode(200).body("status", is("failed"));
        admin.req().get("/api/v1/notification-log?notificationId={id}&action=failed", id).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].userId", is("pat-p"));
    }

    @Test
    void aTokenTheProviderCallsDeadRemovesTheDevice() {
        providers.script(token, new Answer(404, FakeProviders.fcmError(404, "NOT_FOUND", "UNREGISTERED")));
        sendText(doctor, session(), "one");
        afterWindow();
        patient.req().get("/api/v1/me/devices").then().body("$", hasSize(0));
        assertThat(admin.req().get("/api/v1/push/outbox?state=dead").then().extract().jsonPath()
                .getString("items[0].outcome")).isEqualTo("device_gone");
    }

    private void afterWindow() {
        clock.fixAt(clock.instant().plus(config.coalesceWindow()));
        worker.runOnce("node-a");
    }
}
