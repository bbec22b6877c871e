package io.careline.consultation;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.careline.testing.Actor;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A doctor's hours decide when they hear of a new consultation and when the patient is told they will; past
 * the doctor's first-response target an unanswered one escalates to the doctor's team, once.
 */
@QuarkusTest
class ConsultationServiceLevelTest {
    /** Tuesday 03:00 in Shanghai. */
    static final Instant NIGHT = Instant.parse("2026-11-30T19:00:00Z");
    /** Wednesday 08:00 in Shanghai: the next window opens. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-12-02T00:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ConsultationEscalation escalation;

    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-sun", "doctor");
    final Actor nurse = Actor.of(tenant, "nurse-he", "nurse");
    final Actor patient = Actor.of(tenant, "pat-ma", "patient");

    @BeforeEach
    void doctorWithHoursAndTarget() {
        profile(his, "dr-sun", "doctor", "pediatrics");
        profile(his, "nurse-he", "nurse", "pediatrics");
        profile(his, "nurse-elsewhere", "nurse", "surgery");
        profile(his, "pat-ma", "patient", null);
        doctor.req().body(Map.of("timeZone", "Asia/Shanghai", "windows",
                List.of(Map.of("day", 3, "start", "08:00", "end", "12:00")))).put("/api/v1/doctors/dr-sun/consultation-hours")
                .then().statusCode(200);
        doctor.req().body(Map.of("text", true, "phone", true, "video", true, "firstResponseMinutes", 30))
                .put("/api/v1/doctors/dr-sun/consultation-settings").then().statusCode(200);
    }

    @AfterEach
    void realTime() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM push_outbox WHERE tenant_id = ?1").setParameter(1, tenant).executeUpdate());
        clock.reset();
    }

    @Test
    void atNightThePatientIsToldTheNextWindowAndTheDoctorsPushWaitsForIt() {
        doctor.req().body(Map.of("platform", "android", "provider", "fcm", "token", "fcm-" + tenant, "clientType",
                "doctor")).put("/api/v1/me/devices/phone").then().statusCode(201);
        clock.fixAt(NIGHT);
        patient.req().body(Map.of("doctorId", "dr-sun", "patientId", "pat-ma")).post("/api/v1/consultations").then()
                .statusCode(201).body("doctorSeesAt", is(WEDNESDAY_MORNING.toString()));
        JsonPath pushes = Actor.of(tenant, "admin", "admin").req().get("/api/v1/push/outbox?userId=dr-sun").then()
                .extract().jsonPath();
        assertThat(pushes.getString("items[0].cause")).isEqualTo("consultation");
        assertThat(pushes.getString("items[0].dueAt")).isEqualTo(WEDNESDAY_MORNING.toString());
    }

    @Test
    void insideTheHoursTheDoctorSeesItAtOnce() {
        Instant wednesdayNine = WEDNESDAY_MORNING.plusSeconds(3600);
        clock.fixAt(wednesdayNine);
        patient.req().body(Map.of("doctorId", "dr-sun", "patientId", "pat-ma")).post("/api/v1/consultations").then()
                .statusCode(201).body("doctorSeesAt", is(wednesdayNine.toString()));
    }

    @Test
    void anUnansweredConsultationEscalatesToTheDoctorsTeamOnceAfterTheTarget() {
        clock.fixAt(NIGHT);
        String id = patient.req().body(Map.of("doctorId", "dr-sun", "patientId", "pat-ma"))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("consultationId");
        // The target counts from when the doctor could see it: the window's start, not the night.
        clock.fixAt(WEDNESDAY_MORNING.plusSeconds(29 * 60));
        escalation.runOnce();
        assertThat(overdueFor(doctor)).isEmpty();
        clock.fixAt(WEDNESDAY_MORNING.plusSeconds(30 * 60));
        escalation.runOnce();
        List<Map<String, Object>> alerts = overdueFor(doctor);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("priority", "urgent");
        assertThat(alerts.get(0).toString()).contains(id).doesNotContain("pat-ma");
        assertThat(overdueFor(nurse)).hasSize(1);
        assertThat(overdueFor(Actor.of(tenant, "nurse-elsewhere", "nurse"))).isEmpty();
        clock.fixAt(WEDNESDAY_MORNING.plusSeconds(3 * 3600));
        escalation.runOnce();
        assertThat(overdueFor(doctor)).hasSize(1);
    }

    @Test
    void anAnsweredConsultationDoesNotEscalate() {
        clock.fixAt(WEDNESDAY_MORNING);
        String sessionId = patient.req().body(Map.of("doctorId", "dr-sun", "patientId", "pat-ma"))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("sessionId");
        io.careline.testing.Conversations.sendText(doctor, sessionId, "I am here");
        clock.fixAt(WEDNESDAY_MORNING.plusSeconds(3600));
        escalation.runOnce();
        assertThat(overdueFor(doctor)).isEmpty();
        doctor.req().get("/api/v1/consultations?status=replying").then().body("items", hasSize(1));
    }

    private static List<Map<String, Object>> overdueFor(Actor actor) {
        return actor.req().get("/api/v1/notifications?type=response_overdue").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
