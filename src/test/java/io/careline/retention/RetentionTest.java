package io.careline.retention;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.careline.testing.Actor;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention: admins set days per session type and for notifications; the purge leaves tombstones with seqs,
 * unread counts and badges as they were, skips sessions on legal hold, purges each row once and logs it.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    TestClock clock;

    @Inject
    RetentionPurge purge;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-t", "admin");
    final Actor doctor = Actor.of(tenant, "dr-t", "doctor");
    final Actor patient = Actor.of(tenant, "pat-t", "patient");

    @BeforeEach
    void sessions() {
        createSession(his, "old", "consultation", "pat-t:patient", "dr-t:doctor");
        createSession(his, "held", "consultation", "pat-t:patient", "dr-t:doctor");
        createSession(his, "team", "group", "pat-t:patient", "dr-t:doctor");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> keep(Object days) {
        return Map.of("keepDays", days);
    }

    @Test
    void onlyTheTenantsAdminsSetPoliciesAndBadOnesChangeNothing() {
        admin.req().body(keep(30)).put("/api/v1/retention-policies/consultation").then().statusCode(201)
                .body("scope", equalTo("consultation")).body("keepDays", equalTo(30))
                .body("updatedBy", equalTo("admin-t"));
        admin.req().body(keep(60)).put("/api/v1/retention-policies/consultation").then().statusCode(200)
                .body("keepDays", equalTo(60));
        doctor.req().body(keep(1)).put("/api/v1/retention-policies/consultation").then().statusCode(403);
        his.req().get("/api/v1/retention-policies").then().statusCode(403);
        admin.req().body(keep(1)).put("/api/v1/retention-policies/Consultation").then().statusCode(400)
                .body("errors[0].field", equalTo("sessionType"));
        admin.req().body(keep("7")).put("/api/v1/retention-policies/group").then().statusCode(400);
        admin.req().body(keep(0)).put("/api/v1/retention-policies/group").then().statusCode(400);
        admin.req().body(Map.of()).put("/api/v1/retention-policies/group").then().statusCode(400);
        admin.req().get("/api/v1/retention-policies").then().body("scope", contains("consultation"))
                .body("keepDays", contains(60));
        Actor.of(Tokens.freshTenant(), "admin-t", "admin").req().get("/api/v1/retention-policies").then()
                .statusCode(200).body("scope", empty());
        admin.req().delete("/api/v1/retention-policies/consultation").then().statusCode(204);
        admin.req().delete("/api/v1/retention-policies/consultation").then().statusCode(404);
    }

    @Test
    void thePurgeLeavesTombstonesOutsideLegalHoldAndPurgesEachRowOnce() {
        sendText(doctor, "old", "Diagnosis: hypertension");
        sendText(doctor, "old", "Take amlodipine 5 mg");
        sendText(doctor, "held", "Incident report details");
        sendText(doctor, "team", "Group chatter");
        admin.req().put("/api/v1/sessions/held/legal-hold").then().statusCode(200).body("onHold", equalTo(true))
                .body("by", equalTo("admin-t"));
        admin.req().body(keep(30)).put("/api/v1/retention-policies/consultation").then().statusCode(201);
        patient.req().get("/api/v1/me/unread").then().body("messages", equalTo(4));

        clock.fixAt(Instant.now().plus(Duration.ofDays(29)));
        purge.purge();
        patient.req().get("/api/v1/sessions/old/messages/1").then()
                .body("content.text", equalTo("Diagnosis: hypertension"));

        clock.fixAt(Instant.now().plus(Duration.ofDays(31)));
        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);
        patient.req().get("/api/v1/sessions/old/messages").then().body("items.seq", contains(1, 2))
                .body("items.purged", contains(true, true)).body("items[0]", not(hasKey("content")));
        patient.req().get("/api/v1/sessions/old").then().body("lastSeq", equalTo(2))
                .body("$", not(hasKey("lastMessagePreview")));
        patient.req().get("/api/v1/sessions/held/messages/1").then()
                .body("content.text", equalTo("Incident report details"));
        patient.req().get("/api/v1/sessions/team/messages/1").then().body("content.text", equalTo("Group chatter"));
        patient.req().get("/api/v1/me/unread").then().body("messages", equalTo(4));
        admin.req().get("/api/v1/retention-policies/log").then().statusCode(200)
                .body("scope", contains("consultation")).body("purged", contains(2));

        assertThat(purge.purge()).as("nothing is purged twice").isZero();
        admin.req().delete("/api/v1/sessions/held/legal-hold").then().statusCode(200).body("onHold", equalTo(false));
        purge.purge();
        patient.req().get("/api/v1/sessions/held/messages/1").then().body("purged", equalTo(true));
    }

    @Test
    void notificationsFollowARetentionOfTheirOwnAndKeepTheirBadge() {
        profile(his, "pat-t", "patient", null);
        String id = sendTo(his, "appointment", "Your MRI is on Monday", "pat-t");
        admin.req().body(keep(7)).put("/api/v1/retention-policies/notifications").then().statusCode(201);
        clock.fixAt(Instant.now().plus(Duration.ofDays(8)));
        purge.purge();
        patient.req().get("/api/v1/notifications/{id}", id).then().statusCode(200).body("purged", equalTo(true))
                .body("$", not(hasKey("title"))).body("$", not(hasKey("body")));
        patient.req().get("/api/v1/me/unread").then().body("notifications", equalTo(1));
    }

    @Test
    void legalHoldIsForTheTenantsAdminsOnly() {
        doctor.req().put("/api/v1/sessions/old/legal-hold").then().statusCode(403);
        his.req().put("/api/v1/sessions/old/legal-hold").then().statusCode(403);
        Actor.of(Tokens.freshTenant(), "admin-t", "admin").req().put("/api/v1/sessions/old/legal-hold").then()
                .statusCode(404);
        admin.req().get("/api/v1/sessions/old/legal-hold").then().statusCode(200).body("onHold", equalTo(false));
        admin.req().put("/api/v1/sessions/nope/legal-hold").then().statusCode(404);
    }
}
