package io.careline.consultation;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A doctor's care relations: edited and filtered by the doctor only, hidden from the patient; block holds. */
@QuarkusTest
class CareRelationTest {
    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-wang", "doctor");
    final Actor patient = Actor.of(tenant, "pat-chen", "patient");
    String sessionId;

    @BeforeEach
    void consultation() {
        profile(his, "dr-wang", "doctor", null);
        profile(his, "pat-chen", "patient", null);
        profile(his, "pat-lin", "patient", null);
        sessionId = patient.req().body(Map.of("doctorId", "dr-wang", "patientId", "pat-chen", "source", "scan"))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("sessionId");
        his.req().body(Map.of("doctorId", "dr-wang", "patientId", "pat-lin")).post("/api/v1/consultations").then()
                .statusCode(201);
    }

    @Test
    void theDoctorTagsGroupsAndFiltersTheirPatients() {
        doctor.req().get("/api/v1/doctors/me/patients/pat-chen").then().statusCode(200)
                .body("source", is("scan")).body("groups", contains("normal")).body("tags", hasSize(0))
                .body("latestConsultationId", not(nullValue()));
        doctor.req().body(Map.of("tags", List.of("hypertension", "Diabetes"), "remark", "Prefers mornings",
                "groups", List.of("followed", "vip"), "followed", true)).patch("/api/v1/doctors/me/patients/pat-chen")
                .then().statusCode(200).body("tags", contains("Diabetes", "hypertension"))
                .body("groups", containsInAnyOrder("followed", "vip")).body("followed", is(true))
                .body("remark", is("Prefers mornings"));
        doctor.req().get("/api/v1/doctors/me/patients").then().body("items", hasSize(2));
        doctor.req().get("/api/v1/doctors/me/patients?tag=hypertension").then().body("items", hasSize(1))
                .body("items[0].patientId", is("pat-chen"));
        // Tags compare exactly: case counts.
        doctor.req().get("/api/v1/doctors/me/patients?tag=diabetes").then().body("items", hasSize(0));
        doctor.req().get("/api/v1/doctors/me/patients?group=vip").then().body("items", hasSize(1));
        doctor.req().get("/api/v1/doctors/me/patients?group=normal").then().body("items[0].patientId", is("pat-lin"));
        doctor.req().get("/api/v1/doctors/me/patients?followed=false").then().body("items", hasSize(1));
        doctor.req().get("/api/v1/doctors/me/patients?followed=yes").then().statusCode(400);
        doctor.req().get("/api/v1/doctors/me/patients?group=gold").then().statusCode(400);
        doctor.req().body(Map.of("remark", "")).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .body("$", not(hasKey("remark"))).body("tags", hasSize(2));
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        doctor.req().body(Map.of("groups", List.of())).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(400);
        doctor.req().body(Map.of("tags", List.of(" padded"))).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(400);
        doctor.req().body(Map.of("followed", "true")).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(400);
        doctor.req().body(Map.of("groups", List.of("gold"))).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(400);
        doctor.req().get("/api/v1/doctors/me/patients/pat-chen").then().body("groups", contains("normal"))
                .body("followed", is(false)).body("tags", hasSize(0));
    }

    @Test
    void thePatientOthersAndStrangersSeeNoRelation() {
        patient.req().get("/api/v1/doctors/me/patients").then().statusCode(403);
        patient.req().body(Map.of("blocked", false)).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(403);
        Actor.of(tenant, "dr-other", "doctor").req().get("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(404);
        Actor.of(tenant, "dr-other", "doctor").req().get("/api/v1/doctors/me/patients").then()
                .body("items", hasSize(0));
        Actor.of(Tokens.freshTenant(), "dr-wang", "doctor").req().get("/api/v1/doctors/me/patients").then()
                .body("items", hasSize(0));
        // What the patient sees of their consultation carries none of the doctor's notes.
        doctor.req().body(Map.of("remark", "anxious", "tags", List.of("x"))).patch("/api/v1/doctors/me/patients/pat-chen")
                .then().statusCode(200);
        String body = patient.req().get("/api/v1/consultations").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("anxious").doesNotContain("tags").doesNotContain("remark");
    }

    @Test
    void aBlockedPatientCannotInitiateOrSendAndNothingIsStored() {
        doctor.req().body(Map.of("blocked", true)).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(200).body("blocked", is(true));
        long messages = messages();
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "hello?"), "clientMsgId", "c-1"))
                .post("/api/v1/sessions/" + sessionId + "/messages").then().statusCode(403)
                .body("code", is("PATIENT_BLOCKED"));
        his.req().body(Map.of("doctorId", "dr-wang", "patientId", "pat-chen")).post("/api/v1/consultations").then()
                .statusCode(403).body("code", is("PATIENT_BLOCKED"));
        assertThat(messages()).isEqualTo(messages);
        // The doctor still writes; unblocked, the patient writes again.
        doctor.req().body(Map.of("type", "text", "content", Map.of("text", "noted"), "clientMsgId", "d-1"))
                .post("/api/v1/sessions/" + sessionId + "/messages").then().statusCode(201);
        doctor.req().get("/api/v1/doctors/me/patients?blocked=true").then().body("items", hasSize(1));
        doctor.req().body(Map.of("blocked", false)).patch("/api/v1/doctors/me/patients/pat-chen").then()
                .statusCode(200);
        patient.req().body(Map.of("type", "text", "content", Map.of("text", "thanks"), "clientMsgId", "c-2"))
                .post("/api/v1/sessions/" + sessionId + "/messages").then().statusCode(201);
    }

    private long messages() {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM messages WHERE tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()).longValue();
    }
}
