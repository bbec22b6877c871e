package io.careline.push.outbox;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.careline.testing.Actor;
import io.careline.testing.FakeProviders;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A doctor's consultation hours: who may set them, and a new consultation's push waiting for the next window. */
@QuarkusTest
class ConsultationPushTest {
    /** Tuesday 03:00 in Shanghai. */
    static final Instant NIGHT = Instant.parse("2026-11-30T19:00:00Z");
    /** Wednesday 08:00 in Shanghai. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-12-02T00:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    PushWorker worker;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-c", "admin");
    final Actor doctor = Actor.of(tenant, "dr-c", "doctor");
    final Actor patient = Actor.of(tenant, "pat-c", "patient");
    final Map<String, Object> hours = Map.of("timeZone", "Asia/Shanghai", "windows",
            List.of(Map.of("day", 1, "start", "08:00", "end", "12:00"), Map.of("day", 3, "start", "08:00", "end", "12:00")));
    FakeProviders providers;

    @BeforeEach
    void setUp() throws Exception {
        providers = FakeProviders.get();
        profile(his, "dr-c", "doctor", null);
        profile(his, "pat-c", "patient", null);
    }

    @AfterEach
    void realTime() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM push_outbox WHERE tenant_id = ?1").setParameter(1, tenant).executeUpdate());
        clock.reset();
    }

    @Test
    void theDoctorAndServicesSetTheHoursEveryoneOfTheTenantReadsThem() {
        patient.req().get("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(200)
                .body("windows", hasSize(0));
        patient.req().body(hours).put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(403);
        Actor.of(tenant, "dr-other", "doctor").req().body(hours).put("/api/v1/doctors/dr-c/consultation-hours")
                .then().statusCode(403);
        doctor.req().body(hours).put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(200);
        his.req().body(hours).put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(200);
        patient.req().get("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(200)
                .body("windows", hasSize(2)).body("timeZone", is("Asia/Shanghai"));
        Actor.of(Tokens.freshTenant(), "his", "service").req().get("/api/v1/doctors/dr-c/consultation-hours")
                .then().statusCode(404).body("code", is("USER_NOT_FOUND"));
        his.req().get("/api/v1/doctors/pat-c/consultation-hours").then().statusCode(404);
        his.req().body(Map.of("timeZone", "Mars/Olympus", "windows", List.of()))
                .put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(400)
                .body("errors[0].field", is("timeZone"));
        his.req().body(Map.of("timeZone", "UTC", "windows", List.of(Map.of("day", 1, "start", "12:00", "end", "08:00"))))
                .put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(400)
                .body("errors[0].field", is("windows[0].end"));
        his.req().body(Map.of("timeZone", "UTC", "windows", List.of(Map.of("day", 8, "start", "08:00", "end", "09:00"))))
                .put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(400);
        patient.req().get("/api/v1/doctors/dr-c/consultation-hours").then().body("windows", hasSize(2));
    }

    @Test
    void aConsultationOpenedAtNightReachesTheDoctorWhenTheirNextWindowOpens() {
        String token = "apns-" + UUID.randomUUID();
        String session = doctorWithHoursAndDevice("ios", "apns", token);
        clock.fixAt(NIGHT);
        patient.req().body(Map.of("description", "Chest pain since yesterday")).post("/api/v1/sessions/{id}/topics",
                session).then().statusCode(201);
        // The opening message merged into the consultation's push: one push, waiting for the window.
        JsonPath queued = admin.req().get("/api/v1/push/outbox?userId=dr-c").then().extract().jsonPath();
        assertThat(queued.getList("items")).hasSize(1);
        assertThat(queued.getString("items[0].cause")).isEqualTo("consultation");
        assertThat(queued.getString("items[0].dueAt")).isEqualTo(WEDNESDAY_MORNING.toString());
        clock.fixAt(WEDNESDAY_MORNING.minusSeconds(1));
        worker.runOnce("node-a");
        assertThat(providers.acceptedFor(token)).isEmpty();
        clock.fixAt(WEDNESDAY_MORNING);
        worker.runOnce("node-a");
        assertThat(providers.acceptedFor(token)).hasSize(1);
        assertThat(providers.acceptedFor(token).get(0).body().path("aps").path("alert").path("body").asText())
                .isEqualTo("A patient is waiting for your consultation");
        assertThat(providers.acceptedFor(token).get(0).body().toString()).doesNotContain("Chest");
    }

    @Test
    void aPatientsMessageAtNightWaitsForTheDoctorsNextWindowToo() {
        String token = "fcm-" + UUID.randomUUID();
        String session = doctorWithHoursAndDevice("android", "fcm", token);
        clock.fixAt(NIGHT);
        io.careline.testing.Conversations.sendText(patient, session, "Are you there?");
        clock.fixAt(NIGHT.plusSeconds(60));
        assertThat(worker.runOnce("node-a")).isEqualTo(1);
        assertThat(providers.acceptedFor(token)).isEmpty();
        JsonPath waiting = admin.req().get("/api/v1/push/outbox?userId=dr-c").then().extract().jsonPath();
        assertThat(waiting.getString("items[0].state")).isEqualTo("queued");
        assertThat(waiting.getInt("items[0].attempts")).isZero();
        assertThat(waiting.getString("items[0].dueAt")).isEqualTo(WEDNESDAY_MORNING.toString());
        clock.fixAt(WEDNESDAY_MORNING);
        worker.runOnce("node-a");
        assertThat(providers.acceptedFor(token)).hasSize(1);
    }

    /** The doctor's hours set, one device of theirs registered, and a new consultation session with the patient. */
    private String doctorWithHoursAndDevice(String platform, String provider, String token) {
        doctor.req().body(hours).put("/api/v1/doctors/dr-c/consultation-hours").then().statusCode(200);
        doctor.req().body(Map.of("platform", platform, "provider", provider, "token", token, "clientType", "doctor"))
                .put("/api/v1/me/devices/phone").then().statusCode(201);
        String session = "consult-" + UUID.randomUUID().toString().substring(0, 8);
        createSession(his, session, "consultation", "pat-c:patient", "dr-c:doctor");
        return session;
    }
}
