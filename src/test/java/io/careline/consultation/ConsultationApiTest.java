package io.careline.consultation;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Conversations;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Initiating consultations (seed 002): who may, the open one answered, parallel initiates, kinds, lists. */
@QuarkusTest
class ConsultationApiTest {
    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-li", "doctor");
    final Actor patient = Actor.of(tenant, "pat-zhang", "patient");

    @BeforeEach
    void profiles() {
        profile(his, "dr-li", "doctor", "cardiology");
        profile(his, "pat-zhang", "patient", null);
    }

    @Test
    void aPatientInitiatesForThemselvesAndGetsTheOpenOneBack() {
        JsonPath created = patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang", "kind", "text",
                "source", "scan")).post("/api/v1/consultations").then().statusCode(201)
                .body("isOld", is(false)).body("status", is("new")).body("kind", is("text"))
                .body("source", is("scan")).body("doctorId", is("dr-li")).extract().jsonPath();
        String id = created.getString("consultationId");
        String sessionId = created.getString("sessionId");
        patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang")).post("/api/v1/consultations")
                .then().statusCode(200).body("isOld", is(true)).body("consultationId", is(id));
        // The consultation is a topic of the pair's session, which both are in.
        doctor.req().get("/api/v1/topics/" + id).then().statusCode(200).body("sessionId", is(sessionId));
        doctor.req().get("/api/v1/consultations/" + id).then().statusCode(200).body("patientId", is("pat-zhang"));
        // The doctor's reply makes it replying; ending it makes it ended, and the next initiate is a new one.
        Conversations.sendText(doctor, sessionId, "Hello");
        patient.req().get("/api/v1/consultations/" + id).then().statusCode(200).body("status", is("replying"))
                .body("replied", is(true));
        doctor.req().post("/api/v1/sessions/" + sessionId + "/topics/" + id + "/end").then().statusCode(200);
        patient.req().get("/api/v1/consultations/" + id).then().body("status", is("ended"));
        String next = patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang"))
                .post("/api/v1/consultations").then().statusCode(201).body("sessionId", is(sessionId))
                .extract().path("consultationId");
        assertThat(next).isNotEqualTo(id);
    }

    @Test
    void onlyThePatientThemselvesServicesAndAdminsInitiate() {
        Map<String, String> body = Map.of("doctorId", "dr-li", "patientId", "pat-zhang");
        Actor.of(tenant, "pat-other", "patient").req().body(body).post("/api/v1/consultations").then().statusCode(403)
                .body("code", is("FORBIDDEN"));
        doctor.req().body(body).post("/api/v1/consultations").then().statusCode(403);
        Actor.of(tenant, "agent-1", "agent").req().body(body).post("/api/v1/consultations").then().statusCode(403);
        his.req().body(Map.of("doctorId", "pat-zhang", "patientId", "dr-li")).post("/api/v1/consultations").then()
                .statusCode(404).body("code", is("USER_NOT_FOUND"));
        his.req().body(Map.of("doctorId", "dr-li", "patientId", "dr-li")).post("/api/v1/consultations").then()
                .statusCode(400).body("errors[0].field", is("patientId"));
        his.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang", "kind", "letter"))
                .post("/api/v1/consultations").then().statusCode(400);
        his.req().body(Map.of("doctorId", "dr-li", "patientId", 7)).post("/api/v1/consultations").then()
                .statusCode(400);
        // Another tenant's service does not know this doctor.
        Actor.of(Tokens.freshTenant(), "his", "service").req().body(body).post("/api/v1/consultations").then()
                .statusCode(404);
        assertThat(rows("consultations")).isZero();
        assertThat(rows("care_relations")).isZero();
        his.req().body(body).post("/api/v1/consultations").then().statusCode(201);
        Actor.of(tenant, "admin-1", "admin").req().body(body).post("/api/v1/consultations").then().statusCode(200)
                .body("isOld", is(true));
    }

    @Test
    void twentyParallelInitiatesCreateOneConsultation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang"))
                        .post("/api/v1/consultations").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract().jsonPath());
            }
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            assertThat(answers.stream().map(a -> a.getString("consultationId")).distinct()).hasSize(1);
            assertThat(answers.stream().filter(a -> !a.getBoolean("isOld"))).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(rows("consultations")).isEqualTo(1);
        assertThat(rows("care_relations")).isEqualTo(1);
        assertThat(rows("topics")).isEqualTo(1);
        assertThat(rows("sessions")).isEqualTo(1);
    }

    @Test
    void aDoctorWhoDoesNotTakeAKindAnswers409AndNothingIsStored() {
        patient.req().body(Map.of("text", true, "phone", false, "video", false))
                .put("/api/v1/doctors/dr-li/consultation-settings").then().statusCode(403);
        doctor.req().body(Map.of("text", true, "phone", "no", "video", false))
                .put("/api/v1/doctors/dr-li/consultation-settings").then().statusCode(400);
        doctor.req().body(Map.of("text", true, "phone", false, "video", false, "firstResponseMinutes", 0))
                .put("/api/v1/doctors/dr-li/consultation-settings").then().statusCode(400);
        patient.req().get("/api/v1/doctors/dr-li/consultation-settings").then().statusCode(200)
                .body("phone", is(true)).body("firstResponseMinutes", nullValue());
        doctor.req().body(Map.of("text", true, "phone", false, "video", false))
                .put("/api/v1/doctors/dr-li/consultation-settings").then().statusCode(200);
        patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang", "kind", "phone"))
                .post("/api/v1/consultations").then().statusCode(409).body("code", is("KIND_NOT_ACCEPTED"));
        assertThat(rows("consultations")).isZero();
        assertThat(rows("sessions")).isZero();
        patient.req().body(Map.of("doctorId", "dr-li", "patientId", "pat-zhang", "kind", "text"))
                .post("/api/v1/consultations").then().statusCode(201);
    }

    @Test
    void listsAreTheCallersWithTheFourWorkbenchCounts() {
        profile(his, "pat-wu", "patient", null);
        profile(his, "pat-qian", "patient", null);
        profile(his, "dr-zhao", "doctor", null);
        String answered = initiate("dr-li", "pat-zhang").getString("sessionId");
        String answeredId = consultationOf("pat-zhang");
        Conversations.sendText(doctor, answered, "Take this twice a day");
        doctor.req().post("/api/v1/sessions/" + answered + "/topics/" + answeredId + "/end").then().statusCode(200);
        JsonPath unanswered = initiate("dr-li", "pat-wu");
        doctor.req().post("/api/v1/sessions/" + unanswered.getString("sessionId") + "/topics/"
                + unanswered.getString("consultationId") + "/end").then().statusCode(200);
        String replying = initiate("dr-li", "pat-qian").getString("sessionId");
        Conversations.sendText(doctor, replying, "Tell me more");
        initiate("dr-zhao", "pat-qian");
        JsonPath fresh = initiate("dr-li", "pat-zhang");

        doctor.req().get("/api/v1/consultations").then().statusCode(200).body("items", hasSize(4))
                .body("items[0].consultationId", is(fresh.getString("consultationId")))
                .body("counts.unreplied", is(1)).body("counts.inProgress", is(1))
                .body("counts.endedReplied", is(1)).body("counts.endedUnanswered", is(1));
        doctor.req().get("/api/v1/consultations?status=ended").then().body("items", hasSize(2))
                .body("counts.unreplied", is(1));
        doctor.req().get("/api/v1/consultations?limit=3").then().body("items", hasSize(3))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        // A doctor asking for another doctor's list gets none of it; a patient sees only their own.
        doctor.req().get("/api/v1/consultations?doctorId=dr-zhao").then().body("items", hasSize(0));
        Actor.of(tenant, "pat-qian", "patient").req().get("/api/v1/consultations").then().body("items", hasSize(2));
        his.req().get("/api/v1/consultations?patientId=pat-qian&status=replying").then().body("items", hasSize(1));
        his.req().get("/api/v1/consultations").then().body("items", hasSize(5));
        Actor.of(tenant, "pat-qian", "patient").req().get("/api/v1/consultations/" + fresh.getString("consultationId"))
                .then().statusCode(404).body("code", is("CONSULTATION_NOT_FOUND"));
        his.req().get("/api/v1/consultations?status=open").then().statusCode(400);
        Actor.of(Tokens.freshTenant(), "his", "service").req().get("/api/v1/consultations").then()
                .body("items", hasSize(0));
    }

    private JsonPath initiate(String doctorId, String patientId) {
        return his.req().body(Map.of("doctorId", doctorId, "patientId", patientId)).post("/api/v1/consultations")
                .then().statusCode(201).extract().jsonPath();
    }

    private String consultationOf(String patientId) {
        return his.req().get("/api/v1/consultations?patientId=" + patientId).then().extract()
                .path("items[0].consultationId");
    }

    private long rows(String table) {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()).longValue();
    }
}
