package io.careline.escalation;

import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On-call rosters: replaced by systems and admins, read by staff, and a send to whoever is on duty now. */
@QuarkusTest
class RosterTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor nurseA = Actor.of(tenant, "nurse-a", "nurse");
    final Actor nurseB = Actor.of(tenant, "nurse-b", "nurse");
    final Actor patient = Actor.of(tenant, "pat-o", "patient");
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void profiles() {
        profile(his, "nurse-a", "nurse", "icu");
        profile(his, "nurse-b", "nurse", "icu");
    }

    private Map<String, Object> shift(String userId, Instant from, Duration length) {
        return Map.of("userId", userId, "startsAt", from.toString(), "endsAt", from.plus(length).toString());
    }

    private void icuNights() {
        his.req().body(Map.of("name", "ICU nights", "shifts", List.of(
                shift("nurse-a", now.minus(Duration.ofHours(1)), Duration.ofHours(12)),
                shift("nurse-b", now.plus(Duration.ofHours(11)), Duration.ofHours(12)))))
                .put("/api/v1/rosters/icu-nights").then().statusCode(201).body("shifts.userId", contains("nurse-a", "nurse-b"));
    }

    @Test
    void staffAskWhoIsOnDutyAtAnInstant() {
        icuNights();
        nurseB.req().get("/api/v1/rosters/icu-nights/oncall").then().statusCode(200)
                .body("oncall.userId", contains("nurse-a"));
        nurseB.req().get("/api/v1/rosters/icu-nights/oncall?at={at}", now.plus(Duration.ofHours(12)).toString())
                .then().body("oncall.userId", contains("nurse-b"));
        nurseB.req().get("/api/v1/rosters/icu-nights/oncall?at={at}", now.plus(Duration.ofDays(3)).toString())
                .then().body("oncall", empty());
        nurseB.req().get("/api/v1/rosters/icu-nights/oncall?at=tonight").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        his.req().body(Map.of("name", "ICU nights (new)", "shifts", List.of())).put("/api/v1/rosters/icu-nights")
                .then().statusCode(200);
        nurseA.req().get("/api/v1/rosters/icu-nights").then().body("name", equalTo("ICU nights (new)"))
                .body("shifts", empty());
    }

    @Test
    void onlySystemsAndAdminsReplaceRostersAndStaffReadThem() {
        icuNights();
        nurseA.req().body(Map.of("name", "mine", "shifts", List.of())).put("/api/v1/rosters/icu-nights").then()
                .statusCode(403);
        patient.req().get("/api/v1/rosters/icu-nights").then().statusCode(403);
        patient.req().get("/api/v1/rosters/icu-nights/oncall").then().statusCode(403);
        Actor.of(Tokens.freshTenant(), "nurse-a", "nurse").req().get("/api/v1/rosters/icu-nights").then()
                .statusCode(404).body("code", equalTo("ROSTER_NOT_FOUND"));
        nurseA.req().get("/api/v1/rosters/ICU-nights").then().statusCode(404);
    }

    @Test
    void aBadRosterIsRefusedAndStoresNothing() {
        his.req().body(Map.of("name", "Bad", "shifts", List.of(shift("nurse-a", now, Duration.ofHours(-1)))))
                .put("/api/v1/rosters/bad").then().statusCode(400).body("errors.field", hasItem("shifts[0].endsAt"));
        his.req().body(Map.of("name", "Bad", "shifts", List.of(Map.of("userId", "nurse-a", "startsAt", "soon",
                "endsAt", now.toString())))).put("/api/v1/rosters/bad").then().statusCode(400);
        his.req().body(Map.of("name", " ", "shifts", List.of())).put("/api/v1/rosters/bad").then().statusCode(400);
        his.req().body(Map.of("name", "Bad")).put("/api/v1/rosters/bad").then().statusCode(400);
        nurseA.req().get("/api/v1/rosters/bad").then().statusCode(404);
    }

    @Test
    void aSendToARosterReachesWhoeverIsOnDutyAndNeverNobody() {
        icuNights();
        Map<String, Object> alert = Map.of("oncall", "icu-nights", "type", "system_alert", "title", "Bed 4 SpO2 82%",
                "content", "Check now");
        send(his, alert).statusCode(201).body("recipientCount", equalTo(1));
        nurseA.req().get("/api/v1/notifications").then().body("items.title", contains("Bed 4 SpO2 82%"));
        nurseB.req().get("/api/v1/notifications").then().body("items", empty());

        his.req().body(Map.of("name", "Nobody", "shifts", List.of(shift("nurse-b", now.plus(Duration.ofDays(1)),
                Duration.ofHours(8))))).put("/api/v1/rosters/empty-now").then().statusCode(201);
        send(his, Map.of("oncall", "empty-now", "type", "system_alert", "title", "x", "content", "y")).statusCode(422)
                .body("code", equalTo("ROSTER_EMPTY"));
        send(his, Map.of("oncall", "no-such", "type", "system_alert", "title", "x", "content", "y")).statusCode(404)
                .body("code", equalTo("ROSTER_NOT_FOUND"));
        nurseB.req().get("/api/v1/notifications").then().body("items", empty());
    }
}
