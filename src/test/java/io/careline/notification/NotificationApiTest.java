package io.careline.notification;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static io.careline.testing.Notifications.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending, the recipient's history and status, the sender's view and the audit trail, over REST. */
@QuarkusTest
class NotificationApiTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-1", "admin");
    final Actor doctor = Actor.of(tenant, "dr-n", "doctor");
    final Actor patient = Actor.of(tenant, "pat-n", "patient");
    final Actor otherPatient = Actor.of(tenant, "pat-m", "patient");

    @BeforeEach
    void profiles() {
        profile(his, "dr-n", "doctor", "radiology");
        profile(his, "pat-n", "patient", null);
        profile(his, "pat-m", "patient", null);
    }

    @Test
    void aSendStoresOneRowPerRecipientNumberedByTheirNseq() {
        send(his, body("exam_result", "CT result", "recipients", List.of("pat-n", "dr-n")))
                .statusCode(201).body("status", is("sent")).body("recipientCount", is(2))
                .body("onlineCount", is(0)).body("notificationId", notNullValue());
        sendTo(his, "appointment", "Tomorrow 9:00", "pat-n");

        patient.req().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", contains("Tomorrow 9:00", "CT result"))
                .body("items.nseq", contains(2, 1))
                .body("items[1].priority", is("high")).body("items[1].type", is("exam_result"))
                .body("items[1].status", is("pending")).body("items[1].deliveredAt", nullValue())
                .body("items[0].priority", is("normal"));
        doctor.req().get("/api/v1/notifications").then().body("items.nseq", contains(1));
    }

    @Test
    void usersWhoseIdsOnlyLookAlikeHaveInboxesOfTheirOwn() {
        List<String> lookalikes = List.of("pat-n", "PAT-N", "pát-n", "pat-n😀");
        lookalikes.stream().skip(1).forEach(userId -> profile(his, userId, "patient", null));
        sendTo(his, "appointment", "Only the first", "pat-n");
        send(his, body("exam_result", "To all four", "recipients", lookalikes)).statusCode(201)
                .body("recipientCount", is(4));

        patient.req().get("/api/v1/notifications").then().body("items.nseq", contains(2, 1));
        for (String userId : lookalikes.subList(1, 4)) {
            Actor.of(tenant, userId, "patient").req().get("/api/v1/notifications").then()
                    .body("items.title", contains("To all four")).body("items.nseq", contains(1))
                    .body("items.silent", contains(false));
        }
    }

    @Test
    void aRetriedSendWithTheSameKeyAnswersTheFirstNotification() {
        Map<String, Object> body = body("exam_result", "Once", "recipients", List.of("pat-n"));
        body.put("idempotencyKey", "order-77:result");
        String first = send(his, body).statusCode(201).extract().path("notificationId");
        body.put("title", "Twice");
        send(his, body).statusCode(200).body("notificationId", is(first)).body("recipientCount", is(1));
        patient.req().get("/api/v1/notifications").then().body("items.title", contains("Once"));
    }

    @Test
    void statusChangesMoveTheRecipientRowAndAreLogged() {
        String id = sendTo(his, "exam_result", "Read me", "pat-n");
        patient.req().body(Map.of("status", "read")).put("/api/v1/notifications/" + id + "/status").then()
                .statusCode(200).body("status", is("read")).body("readAt", notNullValue());
        patient.req().get("/api/v1/notifications?status=unread").then().body("items", hasSize(0));
        patient.req().get("/api/v1/notifications?status=read").then().body("items.id", contains(id));
        patient.req().body(Map.of("status", "archived")).put("/api/v1/notifications/" + id + "/status").then()
                .body("status", is("read")).body("archivedAt", notNullValue());
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
        patient.req().get("/api/v1/notifications?status=archived").then().body("items.id", contains(id));
        patient.req().body(Map.of("status", "unread")).put("/api/v1/notifications/" + id + "/status").then()
                .body("status", is("pending")).body("readAt", nullValue()).body("archivedAt", notNullValue());
        patient.req().body(Map.of("status", "unread")).put("/api/v1/notifications/" + id + "/status").then()
                .statusCode(200);

        admin.req().get("/api/v1/notification-log?notificationId=" + id).then().statusCode(200)
                .body("items.action", contains("sent", "read", "archived", "unread"))
                .body("items.userId", contains(nullValue(), is("pat-n"), is("pat-n"), is("pat-n")))
                .body("items.actorId", contains("his", "pat-n", "pat-n", "pat-n"));
        admin.req().get("/api/v1/notification-log?userId=pat-n&action=archived").then()
                .body("items.notificationId", contains(id));
        patient.req().get("/api/v1/notification-log").then().statusCode(403);
    }

    @Test
    void batchChangesAndReadAllChangeOnlyTheCallersNotifications() {
        String a = sendTo(his, "exam_result", "A", "pat-n");
        String b = sendTo(his, "appointment", "B", "pat-n");
        String c = sendTo(his, "appointment", "C", "pat-n");
        String others = sendTo(his, "appointment", "Not yours", "pat-m");

        patient.req().body(Map.of("ids", List.of(a, others), "status", "read")).post("/api/v1/notifications/status")
                .then().statusCode(404).body("code", is("NOTIFICATION_NOT_FOUND")).body("errors[0].field", is("ids[1]"));
        patient.req().get("/api/v1/notifications/counts").then().body("unread", is(3));

        patient.req().body(Map.of("ids", List.of(a, a), "status", "read")).post("/api/v1/notifications/status")
                .then().statusCode(200).body("changed", contains(a));
        patient.req().get("/api/v1/notifications/counts").then().body("unread", is(2))
                .body("byType.appointment", is(2)).body("byPriority.normal", is(2));
        patient.req().body(Map.of("type", "appointment")).post("/api/v1/notifications/read-all").then()
                .statusCode(200).body("changed", containsInAnyOrder(b, c));
        patient.req().get("/api/v1/me/unread").then().body("notifications", is(0)).body("total", is(0));
        otherPatient.req().get("/api/v1/me/unread").then().body("notifications", is(1)).body("total", is(1))
                .body("messages", is(0));
    }

    @Test
    void historyFiltersBySinceAndPriorityAndPagesByCursor() {
        String low = send(his, withPriority(body("welcome", "Hello", "recipients", List.of("pat-n")), "low"))
                .statusCode(201).extract().path("notificationId");
        String urgent = sendTo(his, "system_alert", "Evacuate", "pat-n");
        String normal = sendTo(his, "appointment", "Later", "pat-n");

        patient.req().get("/api/v1/notifications?sort=priority").then().body("items.id", contains(urgent, normal, low));
        patient.req().get("/api/v1/notifications?priority=urgent").then().body("items.id", contains(urgent));
        String page1 = patient.req().get("/api/v1/notifications?sort=priority&limit=2").then()
                .body("items.id", contains(urgent, normal)).extract().path("nextCursor");
        patient.req().get("/api/v1/notifications?sort=priority&limit=2&cursor=" + page1).then()
                .body("items.id", contains(low)).body("nextCursor", nullValue());
        patient.req().get("/api/v1/notifications?since=2999-01-01T00:00:00Z").then().body("items", hasSize(0));
        patient.req().get("/api/v1/notifications?since=yesterday").then().statusCode(400)
                .body("errors[0].field", is("since"));
        patient.req().get("/api/v1/notifications?status=unknown").then().statusCode(400);
        patient.req().get("/api/v1/notifications?sort=oldest").then().statusCode(400);
    }

    @Test
    void theSenderAndAdminsSeeEachRecipientsStatusOthersDoNot() {
        String id = sendTo(his, "exam_result", "Result", "pat-n", "pat-m", "dr-n");
        patient.req().body(Map.of("status", "read")).put("/api/v1/notifications/" + id + "/status");

        for (Actor allowed : List.of(his, admin)) {
            allowed.req().get("/api/v1/notifications/" + id + "/recipients?limit=2").then().statusCode(200)
                    .body("recipientCount", is(3)).body("byStatus.pending", is(2)).body("byStatus.read", is(1))
                    .body("items", hasSize(2)).body("nextCursor", notNullValue());
            allowed.req().get("/api/v1/notifications/" + id).then().statusCode(200).body("title", is("Result"))
                    .body("nseq", nullValue());
        }
        doctor.req().get("/api/v1/notifications/" + id + "/recipients").then().statusCode(404)
                .body("code", is("NOTIFICATION_NOT_FOUND"));
        doctor.req().get("/api/v1/notifications/" + id).then().statusCode(200).body("nseq", is(1));
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        assertRefused(body("no_such_type", "x", "recipients", List.of("pat-n")), 400, "UNKNOWN_NOTIFICATION_TYPE");
        assertRefused(body("Exam_Result", "x", "recipients", List.of("pat-n")), 400, "UNKNOWN_NOTIFICATION_TYPE");
        Map<String, Object> big = body("exam_result", "x", "recipients", List.of("pat-n"));
        big.put("metadata", Map.of("blob", "x".repeat(5000)));
        assertRefused(big, 400, "LIMIT_EXCEEDED");
        Map<String, Object> notAnObject = body("exam_result", "x", "recipients", List.of("pat-n"));
        notAnObject.put("metadata", "a string");
        assertRefused(notAnObject, 400, "VALIDATION_FAILED");
        Map<String, Object> numericPriority = body("exam_result", "x", "recipients", List.of("pat-n"));
        numericPriority.put("priority", 1);
        assertRefused(numericPriority, 400, "VALIDATION_FAILED");
        assertRefused(withPriority(body("exam_result", "x", "recipients", List.of("pat-n")), "URGENT"), 400,
                "VALIDATION_FAILED");
        Map<String, Object> past = body("exam_result", "x", "recipients", List.of("pat-n"));
        past.put("expiresAt", "2020-01-01T00:00:00Z");
        assertRefused(past, 400, "VALIDATION_FAILED");
        assertRefused(body("exam_result", "x", "recipients", List.of("pat-n", "nobody")), 422, "RECIPIENT_REFUSED");
        assertRefused(body("exam_result", "x", "recipients", List.of()), 400, "VALIDATION_FAILED");
        assertRefused(body("exam_result", "x", "room", "ward 7"), 400, "ROOM_INVALID");
        assertRefused(body("exam_result", "x", "room", "tenant"), 422, "NO_RECIPIENTS");
        Map<String, Object> titleless = body("exam_result", "x", "recipients", List.of("pat-n"));
        titleless.remove("title");
        assertRefused(titleless, 400, "VALIDATION_FAILED");
        Map<String, Object> unknownField = body("exam_result", "x", "recipients", List.of("pat-n"));
        unknownField.put("recipientz", List.of("pat-n"));
        assertRefused(unknownField, 400, "VALIDATION_FAILED");
    }

    @Test
    void aPatientOrAStrangerCannotNotifyAndSeesNothing() {
        assertRefused(patient, body("appointment", "spam", "recipients", List.of("pat-m")), 403,
                "NOTIFICATION_TYPE_FORBIDDEN");
        // Even a type an admin opens to patients never lets a patient notify another patient.
        admin.req().body(Map.of("defaultPriority", "normal", "senderRoles", List.of("patient", "doctor"),
                "recipientRoles", List.of("patient", "doctor"))).put("/api/v1/notification-types/peer_note").then()
                .statusCode(201);
        assertRefused(patient, body("peer_note", "hi", "recipients", List.of("pat-m")), 422, "RECIPIENT_REFUSED");
        send(patient, body("peer_note", "hi doctor", "recipients", List.of("dr-n"))).statusCode(201);
        // A doctor may not send a system alert.
        assertRefused(doctor, body("system_alert", "x", "recipients", List.of("pat-n")), 403,
                "NOTIFICATION_TYPE_FORBIDDEN");

        String id = sendTo(his, "exam_result", "Private", "pat-n");
        otherPatient.req().get("/api/v1/notifications/" + id).then().statusCode(404);
        otherPatient.req().body(Map.of("status", "read")).put("/api/v1/notifications/" + id + "/status").then()
                .statusCode(404);
        Actor elsewhere = Actor.of(Tokens.freshTenant(), "pat-n", "patient");
        elsewhere.req().get("/api/v1/notifications").then().statusCode(200).body("items", hasSize(0));
        elsewhere.req().get("/api/v1/notifications/" + id).then().statusCode(404);
        Actor otherAdmin = Actor.of(Tokens.freshTenant(), "admin-1", "admin");
        otherAdmin.req().get("/api/v1/notifications/" + id + "/recipients").then().statusCode(404);
        otherAdmin.req().get("/api/v1/notification-log?notificationId=" + id).then().statusCode(404);
        // Another tenant's service cannot reach this tenant's users: they are strangers there.
        Actor otherSystem = Actor.of(Tokens.freshTenant(), "his", "service");
        send(otherSystem, body("exam_result", "x", "recipients", List.of("pat-n"))).statusCode(422)
                .body("code", is("RECIPIENT_REFUSED"));
        patient.req().get("/api/v1/notifications").then().body("items.title", contains("Private"));
    }

    @Test
    void theCatalogueStartsWithTheSeedTypesAndAdminsManageIt() {
        patient.req().get("/api/v1/notification-types").then().statusCode(200).body("code", containsInAnyOrder(
                "appointment", "exam_result", "permission_granted", "permission_revoked", "record_accessed",
                "record_created", "record_updated", "response_overdue", "system_alert", "system_maintenance",
                "welcome"));
        Map<String, Object> lab = Map.of("description", "Lab sample received", "defaultPriority", "low",
                "senderRoles", List.of("service"), "recipientRoles", List.of("patient"));
        doctor.req().body(lab).put("/api/v1/notification-types/lab_sample").then().statusCode(403);
        admin.req().body(lab).put("/api/v1/notification-types/lab_sample").then().statusCode(201);
        admin.req().body(lab).put("/api/v1/notification-types/lab_sample").then().statusCode(200);
        send(his, body("lab_sample", "Sample in", "recipients", List.of("pat-n"))).statusCode(201);
        patient.req().get("/api/v1/notifications").then().body("items[0].priority", is("low"));
        assertRefused(body("lab_sample", "x", "recipients", List.of("dr-n")), 422, "RECIPIENT_REFUSED");

        admin.req().delete("/api/v1/notification-types/welcome").then().statusCode(204);
        admin.req().delete("/api/v1/notification-types/welcome").then().statusCode(404)
                .body("code", is("NOTIFICATION_TYPE_NOT_FOUND"));
        assertRefused(body("welcome", "x", "recipients", List.of("pat-n")), 400, "UNKNOWN_NOTIFICATION_TYPE");
        patient.req().get("/api/v1/notification-types/welcome").then().statusCode(404);
        admin.req().body(Map.of("defaultPriority", "normal", "senderRoles", List.of(), "recipientRoles",
                List.of("patient"))).put("/api/v1/notification-types/empty").then().statusCode(400);
        // Another tenant's catalogue is its own.
        Actor otherAdmin = Actor.of(Tokens.freshTenant(), "admin-1", "admin");
        otherAdmin.req().get("/api/v1/notification-types/lab_sample").then().statusCode(404);
        otherAdmin.req().get("/api/v1/notification-types/welcome").then().statusCode(200);
    }

    @Test
    void targetsExpandToRolesDepartmentsSessionsAndRoomsEachUserOnce() {
        profile(his, "nurse-n", "nurse", "radiology");
        profile(his, "dr-o", "doctor", "cardiology");
        Map<String, Object> body = body("record_updated", "Ward round", "roles", List.of("doctor"));
        body.put("department", "radiology");
        body.put("recipients", List.of("dr-n"));
        send(his, body).statusCode(201).body("recipientCount", is(3));
        for (String userId : List.of("dr-n", "nurse-n", "dr-o")) {
            Actor.of(tenant, userId, "doctor").req().get("/api/v1/notifications").then()
                    .body("items.title", contains("Ward round"));
        }
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));

        createSession(his, "s-notify", "consultation", "pat-n:patient", "dr-n:doctor");
        send(his, body("exam_result", "To the session", "sessionId", "s-notify")).statusCode(201)
                .body("recipientCount", is(2));
        // A doctor who is not in the session cannot target it.
        send(Actor.of(tenant, "dr-o", "doctor"), body("exam_result", "x", "sessionId", "s-notify")).statusCode(404)
                .body("code", is("SESSION_NOT_FOUND"));
    }

    @Test
    void oneLimitBoundsTheRecipientsNamedOrExpanded() {
        // Past the old list cap of 1,000, names are checked one by one rather than refused as a list.
        List<String> many = new ArrayList<>(Collections.nCopies(1_000, "pat-n"));
        many.add("nobody");
        send(his, body("exam_result", "Many", "recipients", many)).statusCode(422)
                .body("code", is("RECIPIENT_REFUSED")).body("errors[0].field", is("recipients[1000]"));
        // Past careline.notifications.max-recipients (20,000), the list is refused before anything is read.
        List<String> tooMany = IntStream.rangeClosed(0, 20_000).mapToObj(i -> "u" + i).toList();
        send(his, body("exam_result", "Too many", "recipients", tooMany)).statusCode(400)
                .body("code", is("LIMIT_EXCEEDED")).body("errors[0].field", is("recipients"));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    private void assertRefused(Map<String, Object> body, int status, String code) {
        assertRefused(his, body, status, code);
    }

    private void assertRefused(Actor sender, Map<String, Object> body, int status, String code) {
        int before = patient.req().get("/api/v1/notifications/counts").then().extract().path("unread");
        send(sender, body).statusCode(status).body("code", equalTo(code));
        assertThat((int) patient.req().get("/api/v1/notifications/counts").then().extract().path("unread"))
                .as("a refused send stores nothing").isEqualTo(before);
    }

    private static Map<String, Object> withPriority(Map<String, Object> body, String priority) {
        body.put("priority", priority);
        return body;
    }

    private static Map<String, Object> body(String type, String title, String target, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("content", "Details of " + title);
        body.put(target, value);
        return body;
    }
}
