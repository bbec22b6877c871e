package io.careline.escalation;

import static io.careline.testing.Notifications.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.careline.push.outbox.PushWorker;
import io.careline.testing.Actor;
import io.careline.testing.FakeMail;
import io.careline.testing.FakeProviders;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation off the app: an {@code sms} step texts the phone on the recipient's profile through Twilio's API, an
 * {@code email} step mails the address on it over SMTP; both carry only the shipped allow-listed words, go only
 * while the copy is unacknowledged, and only hospital systems and admins see or set the contact details.
 */
@QuarkusTest
class EscalationFallbackTest {
    static final String PHONE = "+447700900123";
    static final String EMAIL = "nurse.g@hospital.test";
    static final String SECRET = "Bed 4 lactate 4.2, Zhang San";

    @Inject
    TestClock clock;

    @Inject
    LadderWorker ladders;

    @Inject
    PushWorker pushes;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-g", "admin");
    final Actor nurse = Actor.of(tenant, "nurse-g", "nurse");
    final Actor doctor = Actor.of(tenant, "dr-g", "doctor");
    FakeProviders providers;
    GreenMail mail;

    @BeforeEach
    void setUp() throws Exception {
        providers = FakeProviders.get();
        mail = FakeMail.get();
        contacts("nurse-g", PHONE, EMAIL);
        his.req().body(Map.of("role", "doctor")).put("/api/v1/users/dr-g").then().statusCode(201);
        admin.req().body(Map.of("name", "Off the app", "steps", List.of(
                Map.of("afterSeconds", 60, "action", "sms"),
                Map.of("afterSeconds", 120, "action", "email"))))
                .put("/api/v1/escalation-policies/off-app").then().statusCode(201);
    }

    @AfterEach
    void realTime() {
        // Pushes and steps left waiting would be taken by later tests' workers once their clocks pass them.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM push_outbox WHERE tenant_id = ?1").setParameter(1, tenant)
                    .executeUpdate();
            entityManager.createNativeQuery("DELETE FROM escalation_timers WHERE tenant_id = ?1")
                    .setParameter(1, tenant).executeUpdate();
        });
        clock.reset();
    }

    private void contacts(String userId, String phone, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("role", "nurse", "department", "icu"));
        if (phone != null) {
            body.put("phone", phone);
        }
        if (email != null) {
            body.put("email", email);
        }
        his.req().body(body).put("/api/v1/users/" + userId).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private String alert() {
        return alert("off-app");
    }

    private String alert(String policyId) {
        return send(his, Map.of("recipients", List.of("nurse-g"), "type", "system_alert", "title", SECRET,
                "content", SECRET, "escalationPolicyId", policyId)).statusCode(201).extract().path("notificationId");
    }

    private Instant sentAt(String id) {
        return Instant.parse(nurse.req().get("/api/v1/notifications/{id}", id).then().extract().path("createdAt"));
    }

    private List<String> escalations(String id) {
        return admin.req().get("/api/v1/notification-log?notificationId={id}&action=escalated", id).then()
                .statusCode(200).extract().path("items.detail");
    }

    /** The user's pushes over one channel, as admins see them in the outbox. */
    private JsonPath outbox(String channel) {
        return admin.req().get("/api/v1/push/outbox?userId=nurse-g&channel=" + channel).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Fires the steps due at {@code at} (other tests' too: the log lines tell this one's), then sends them. */
    private void runAt(Instant at) {
        clock.fixAt(at);
        ladders.runDue();
        pushes.runOnce("node-a");
    }

    @Test
    void anUnacknowledgedAlertIsTextedThenEmailedWithoutItsWords() throws Exception {
        String id = alert();
        Instant sent = sentAt(id);

        runAt(sent.plusSeconds(60));
        List<FakeProviders.Accepted> texts = providers.acceptedFor(PHONE);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).body().get("From").asText()).isEqualTo("+15005550006");
        assertThat(texts.get(0).body().get("Body").asText())
                .isEqualTo("Careline: Urgent: a notification is waiting for your acknowledgement")
                .doesNotContain("lactate");
        assertThat(outbox("sms").getString("items[0].outcome")).isEqualTo("delivered");
        assertThat(mail.getReceivedMessages()).as("the email is the next step's").isEmpty();

        runAt(sent.plusSeconds(120));
        MimeMessage email = mail.getReceivedMessages()[0];
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
        assertThat(email.getFrom()[0].toString()).isEqualTo("careline@hospital.test");
        assertThat(email.getSubject()).isEqualTo("Urgent: a notification is waiting for your acknowledgement");
        assertThat((String) email.getContent())
                .contains("https://careline.hospital.test/console/#/notifications").doesNotContain("lactate");
        assertThat(outbox("email").getString("items[0].outcome")).isEqualTo("delivered");
        assertThat(escalations(id)).containsExactly("step 1: sms queued", "step 2: email queued");
    }

    @Test
    void anAcknowledgementBeforeTheTextLeavesHoldsItBack() {
        String id = alert();
        clock.fixAt(sentAt(id).plusSeconds(60));
        ladders.runDue();
        assertThat(escalations(id)).containsExactly("step 1: sms queued");
        nurse.req().post("/api/v1/notifications/{id}/ack", id).then().statusCode(200);
        pushes.runOnce("node-a");
        assertThat(providers.acceptedFor(PHONE)).isEmpty();
        assertThat(outbox("sms").getString("items[0].outcome")).isEqualTo("acknowledged");
    }

    @Test
    void aReadButUnacknowledgedAlertIsStillTexted() {
        String id = alert();
        nurse.req().body(Map.of("status", "read")).put("/api/v1/notifications/{id}/status", id).then()
                .statusCode(200);
        runAt(sentAt(id).plusSeconds(60));
        assertThat(providers.acceptedFor(PHONE)).hasSize(1);
    }

    @Test
    void aProfileWithoutAPhoneIsLoggedAndTheLadderGoesOn() {
        contacts("nurse-g", null, EMAIL);
        String id = alert();
        runAt(sentAt(id).plusSeconds(60));
        runAt(sentAt(id).plusSeconds(120));
        assertThat(escalations(id)).containsExactly("step 1: sms: no phone on the profile", "step 2: email queued");
        assertThat(providers.accepted).noneMatch(accepted -> accepted.channel().equals("sms"));
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void twilioRefusingTheNumberIsDeadAndItsBeingBusyIsRetried() {
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "sms"))))
                .put("/api/v1/escalation-policies/sms-only").then().statusCode(201);
        providers.script(PHONE, new FakeProviders.Answer(503, "{\"code\":20503,\"status\":503}"));
        String id = alert("sms-only");
        runAt(sentAt(id).plusSeconds(60));
        assertThat(outbox("sms").getString("items[0].state")).isEqualTo("queued");
        assertThat(outbox("sms").getString("items[0].lastError")).isEqualTo("HTTP 503 code 20503");

        contacts("nurse-g", "+15005550001", EMAIL);
        providers.script("+15005550001", new FakeProviders.Answer(400,
                "{\"code\":21211,\"message\":\"The 'To' number +15005550001 is not valid.\",\"status\":400}"));
        String refused = alert("sms-only");
        runAt(sentAt(refused).plusSeconds(60));
        JsonPath dead = admin.req().get("/api/v1/push/outbox?userId=nurse-g&channel=sms&state=dead").then()
                .extract().jsonPath();
        assertThat(dead.getString("items[0].lastError")).as("Twilio's code, never the number it echoes")
                .isEqualTo("HTTP 400 code 21211");
    }

    @Test
    void contactDetailsAreValidatedAndShownOnlyToHospitalSystemsAndAdmins() {
        his.req().get("/api/v1/users/nurse-g").then().statusCode(200).body("phone", equalTo(PHONE))
                .body("email", equalTo(EMAIL));
        admin.req().get("/api/v1/users/nurse-g").then().body("phone", equalTo(PHONE));
        nurse.req().get("/api/v1/me").then().statusCode(200).body("$", not(hasKey("phone")))
                .body("$", not(hasKey("email")));
        doctor.req().get("/api/v1/users/nurse-g").then().statusCode(200).body("$", not(hasKey("phone")));
        Actor.of(Tokens.freshTenant(), "his", "service").req().get("/api/v1/users/nurse-g").then().statusCode(404);

        his.req().body(Map.of("role", "nurse", "phone", "07700 900123")).put("/api/v1/users/nurse-g").then()
                .statusCode(400).body("errors.field", hasItem("phone"));
        his.req().body(Map.of("role", "nurse", "email", "nurse at icu")).put("/api/v1/users/nurse-g").then()
                .statusCode(400).body("errors.field", hasItem("email"));
        his.req().body(Map.of("role", "nurse", "phone", 447700900123L)).put("/api/v1/users/nurse-g").then()
                .statusCode(400);
        nurse.req().body(Map.of("role", "nurse", "phone", "+447700900999")).put("/api/v1/users/nurse-g").then()
                .statusCode(403);
        his.req().get("/api/v1/users/nurse-g").then().body("phone", equalTo(PHONE));
    }

    @Test
    void policiesWithSmsAndEmailStepsTakeNothingElse() {
        admin.req().body(Map.of("steps", List.of(Map.of("afterSeconds", 60, "action", "sms", "rosterId", "icu"))))
                .put("/api/v1/escalation-policies/bad").then().statusCode(400).body("errors.field", hasItem("steps[0]"));
        admin.req().get("/api/v1/escalation-policies/off-app").then().body("steps.action",
                contains("sms", "email"));
    }
}
