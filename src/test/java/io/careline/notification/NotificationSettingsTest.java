package io.careline.notification;

import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static io.careline.testing.Notifications.sendTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings decide how loudly a notification arrives, at a fixed clock; expiry is swept at a fixed clock too. */
@QuarkusTest
class NotificationSettingsTest {
    /** A Wednesday, 23:30 in Shanghai (UTC+8). */
    static final Instant WEDNESDAY_NIGHT = Instant.parse("2026-12-02T15:30:00Z");
    /** The Thursday after, 12:00 in Shanghai. */
    static final Instant THURSDAY_NOON = Instant.parse("2026-12-03T04:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ExpirySweep expiry;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-s", "admin");
    final Actor patient = Actor.of(tenant, "pat-s", "patient");

    @BeforeEach
    void profiles() {
        profile(his, "pat-s", "patient", null);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void settingsListEveryTypeAllOnUntilChanged() {
        patient.req().get("/api/v1/me/notification-settings").then().statusCode(200)
                .body("types.find { it.type == 'exam_result' }.enabled", is(true))
                .body("types.find { it.type == 'exam_result' }.sound", is(true))
                .body("quietHours", nullValue());
        patient.req().body(Map.of("types", List.of(Map.of("type", "appointment", "enabled", true, "sound", false,
                "popup", true)), "quietHours", Map.of("start", "22:00", "end", "07:00", "timeZone", "Asia/Shanghai",
                "weekdays", List.of("wed", "mon")))).put("/api/v1/me/notification-settings").then().statusCode(200)
                .body("types.find { it.type == 'appointment' }.sound", is(false))
                .body("quietHours.start", is("22:00")).body("quietHours.weekdays", contains("mon", "wed"));
        patient.req().get("/api/v1/me/notification-settings").then()
                .body("quietHours.timeZone", is("Asia/Shanghai"));
    }

    @Test
    void invalidSettingsAreRefusedAndChangeNothing() {
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("types", List.of(Map.of("type", "no_such", "enabled", true, "sound", true,
                        "popup", true))),
                Map.<String, Object>of("types", List.of(Map.of("type", "welcome", "enabled", "yes", "sound", true,
                        "popup", true))),
                Map.<String, Object>of("types", List.of(), "quietHours", Map.of("start", "25:00", "end", "07:00",
                        "timeZone", "Asia/Shanghai")),
                Map.<String, Object>of("types", List.of(), "quietHours", Map.of("start", "22:00", "end", "07:00",
                        "timeZone", "Mars/Olympus")),
                Map.<String, Object>of("types", List.of(), "quietHours", Map.of("start", "22:00", "end", "22:00",
                        "timeZone", "UTC")),
                Map.<String, Object>of("types", List.of(), "quietHours", Map.of("start", "22:00", "end", "07:00",
                        "timeZone", "UTC", "weekdays", List.of("someday"))))) {
            patient.req().body(bad).put("/api/v1/me/notification-settings").then().statusCode(400)
                    .body("code", is("VALIDATION_FAILED"));
        }
        patient.req().get("/api/v1/me/notification-settings").then().body("quietHours", nullValue())
                .body("types.find { it.type == 'welcome' }.enabled", is(true));
    }

    @Test
    void quietHoursAndDisabledTypesMakeItSilentButUrgentAlwaysSounds() {
        patient.req().body(Map.of("types", List.of(Map.of("type", "welcome", "enabled", false, "sound", true,
                "popup", true)), "quietHours", Map.of("start", "22:00", "end", "07:00", "timeZone", "Asia/Shanghai",
                "weekdays", List.of("wed")))).put("/api/v1/me/notification-settings").then().statusCode(200);

        clock.fixAt(WEDNESDAY_NIGHT);
        String quiet = sendTo(his, "appointment", "In quiet hours", "pat-s");
        String urgent = sendTo(his, "system_alert", "Urgent in quiet hours", "pat-s");
        clock.fixAt(THURSDAY_NOON);
        String loud = sendTo(his, "appointment", "At noon", "pat-s");
        String disabled = sendTo(his, "welcome", "Disabled type", "pat-s");
        String disabledUrgent = send(his, Map.of("type", "welcome", "title", "Disabled but urgent", "content", "x",
                "priority", "urgent", "recipients", List.of("pat-s"))).statusCode(201).extract().path("notificationId");

        Map<String, Boolean> expected = Map.of(quiet, true, urgent, false, loud, false, disabled, true,
                disabledUrgent, false);
        expected.forEach((id, silent) -> patient.req().get("/api/v1/notifications/" + id).then()
                .body("silent", is(silent)));
    }

    @Test
    void quietHoursRunOverMidnightFromTheDayTheyStart() {
        patient.req().body(Map.of("types", List.of(), "quietHours", Map.of("start", "22:00", "end", "07:00",
                "timeZone", "Asia/Shanghai", "weekdays", List.of("tue")))).put("/api/v1/me/notification-settings")
                .then().statusCode(200);
        clock.fixAt(WEDNESDAY_NIGHT.minusSeconds(17 * 3600)); // Wednesday 06:30 in Shanghai: Tuesday's window
        String early = sendTo(his, "appointment", "Early", "pat-s");
        clock.fixAt(WEDNESDAY_NIGHT); // Wednesday 23:30: no window starts on Wednesday
        String late = sendTo(his, "appointment", "Late", "pat-s");
        patient.req().get("/api/v1/notifications/" + early).then().body("silent", is(true));
        patient.req().get("/api/v1/notifications/" + late).then().body("silent", is(false));
    }

    @Test
    void anExpiredNotificationIsNeitherSyncedNorUnreadAndTheSweepMarksItExpired() {
        clock.fixAt(THURSDAY_NOON);
        String id = send(his, Map.of("type", "appointment", "title", "Today only", "content", "x",
                "expiresAt", THURSDAY_NOON.plusSeconds(3600).toString(), "recipients", List.of("pat-s")))
                .statusCode(201).extract().path("notificationId");
        String lasting = sendTo(his, "appointment", "Lasting", "pat-s");
        patient.req().get("/api/v1/notifications/counts").then().body("unread", is(2));

        clock.fixAt(THURSDAY_NOON.plusSeconds(7200));
        expiry.sweep();
        patient.req().get("/api/v1/notifications/" + id).then().body("status", is("expired"));
        patient.req().get("/api/v1/notifications/" + lasting).then().body("status", is("pending"));
        patient.req().get("/api/v1/notifications/counts").then().body("unread", is(1));
        patient.req().get("/api/v1/me/unread").then().body("notifications", is(1));
        patient.req().body(Map.of("status", "read")).put("/api/v1/notifications/" + id + "/status").then()
                .statusCode(200).body("status", is("expired"));
        admin.req().get("/api/v1/notification-log?notificationId=" + id).then()
                .body("items.action", contains("sent", "expired"));
        admin.req().get("/api/v1/notification-log?action=expired&userId=pat-s").then()
                .body("items.notificationId", hasItem(id));
    }
}
