package io.careline.notification;

import static io.careline.testing.Notifications.profile;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/notifications/batch}: each item answered at its index, atomic all or nothing. */
@QuarkusTest
class NotificationBatchTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor patient = Actor.of(tenant, "pat-b", "patient");
    final Actor doctor = Actor.of(tenant, "dr-b", "doctor");

    @BeforeEach
    void profiles() {
        profile(his, "pat-b", "patient", null);
        profile(his, "dr-b", "doctor", null);
    }

    @Test
    void eachItemIsAnsweredAtItsIndexAndARefusedOneStoresNothingOfItself() {
        Map<String, Object> keyed = item("exam_result", "Keyed", "pat-b");
        keyed.put("idempotencyKey", "lab-1");
        Map<String, Object> blank = item("exam_result", " ", "pat-b");
        batch(his, false, item("exam_result", "First", "pat-b"), item("no_such_type", "Lost", "pat-b"),
                item("exam_result", "Stranger", "nobody"), keyed, keyed, blank, item("appointment", "Last", "dr-b"))
                .statusCode(200)
                .body("items.index", contains(0, 1, 2, 3, 4, 5, 6))
                .body("items.status", contains(201, 400, 422, 201, 200, 400, 201))
                .body("items[1].problem.code", is("UNKNOWN_NOTIFICATION_TYPE"))
                .body("items[2].problem.code", is("RECIPIENT_REFUSED"))
                .body("items[2].problem.errors[0].field", is("recipients[0]"))
                .body("items[5].problem.code", is("VALIDATION_FAILED"))
                .body("items[5].problem.errors[0].field", is("title"))
                .body("items[0].notification.recipientCount", is(1)).body("items[1].notification", nullValue())
                .body("created", is(3)).body("existing", is(1)).body("refused", is(3));

        patient.req().get("/api/v1/notifications").then().body("items.title", contains("Keyed", "First"))
                .body("items.nseq", contains(2, 1));
        doctor.req().get("/api/v1/notifications").then().body("items.title", contains("Last"));
    }

    @Test
    void aRetriedBatchAnswersTheFirstNotificationsAndStoresNoMore() {
        Map<String, Object> first = item("exam_result", "One", "pat-b");
        first.put("idempotencyKey", "order-1");
        Map<String, Object> second = item("exam_result", "Two", "pat-b");
        second.put("idempotencyKey", "order-2");
        List<String> ids = batch(his, false, first, second).body("items.status", contains(201, 201)).extract()
                .path("items.notification.notificationId");

        batch(his, false, first, second).statusCode(200).body("items.status", contains(200, 200))
                .body("items.notification.notificationId", is(ids)).body("existing", is(2));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(2));
    }

    @Test
    void anAtomicBatchWithOneRefusedItemStoresNothing() {
        batch(his, true, item("exam_result", "A", "pat-b"), item("exam_result", "B", "nobody"),
                item("exam_result", "C", "dr-b")).statusCode(200)
                .body("items.status", contains(424, 422, 424))
                .body("items[0].problem.code", is("BATCH_ABORTED")).body("items[1].problem.code", is("RECIPIENT_REFUSED"))
                .body("created", is(0)).body("refused", is(3));
        // Refused while written (a type the sender may not send is refused before): still nothing stored.
        batch(his, true, item("exam_result", "A", "pat-b"), item("welcome", "B", "pat-b")).statusCode(200)
                .body("items.status", contains(201, 201));
        patient.req().get("/api/v1/notifications").then().body("items.title", contains("B", "A"))
                .body("items.nseq", contains(2, 1));
        doctor.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    @Test
    void anAtomicBatchRefusedWhileWrittenLeavesNoRow() {
        // Both pass the checks made before queuing; the second names a user only the write finds missing.
        Map<String, Object> toMissing = item("exam_result", "B", "pat-b");
        toMissing.put("recipients", List.of("pat-b", "ghost"));
        batch(his, true, item("exam_result", "A", "dr-b"), toMissing).statusCode(200)
                .body("items.status", contains(424, 422)).body("items[1].problem.errors[0].field", is("recipients[1]"));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
        doctor.req().get("/api/v1/notifications").then().body("items", hasSize(0));
        his.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    @Test
    void aPatientSendsNothingAndAStrangerNeedsAToken() {
        batch(patient, false, item("exam_result", "Fake", "dr-b")).statusCode(200)
                .body("items[0].status", is(403)).body("items[0].problem.code", is("NOTIFICATION_TYPE_FORBIDDEN"));
        doctor.req().get("/api/v1/notifications").then().body("items", hasSize(0));
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("items", List.of(item("exam_result", "X", "pat-b")))).post("/api/v1/notifications/batch")
                .then().statusCode(401);
        Actor otherTenant = Actor.of(Tokens.freshTenant(), "his", "service");
        batch(otherTenant, false, item("exam_result", "Across", "pat-b")).body("items[0].status", is(422));
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    @Test
    void aBatchIsOneToFiveHundredItems() {
        batch(his, false).statusCode(400).body("code", is("VALIDATION_FAILED"));
        List<Map<String, Object>> many = new ArrayList<>(Collections.nCopies(501, item("exam_result", "M", "pat-b")));
        his.req().body(Map.of("items", many)).post("/api/v1/notifications/batch").then().statusCode(400)
                .body("errors[0].field", is("items"));
        his.req().body(Map.of("items", List.of(item("exam_result", "M", "pat-b")), "atomic", "yes"))
                .post("/api/v1/notifications/batch").then().statusCode(400);
        patient.req().get("/api/v1/notifications").then().body("items", hasSize(0));
    }

    @Test
    void fiveHundredItemsAreStoredInOrder() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(item("exam_result", "R" + i, i % 2 == 0 ? "pat-b" : "dr-b"));
        }
        his.req().body(Map.of("items", items)).post("/api/v1/notifications/batch").then().statusCode(200)
                .body("created", is(500)).body("items[499].notification.notificationId", notNullValue());
        patient.req().get("/api/v1/notifications?limit=1").then().body("items[0].title", is("R498"))
                .body("items[0].nseq", is(250));
        doctor.req().get("/api/v1/notifications?limit=1").then().body("items[0].title", is("R499"))
                .body("items[0].nseq", is(250));
    }

    @SafeVarargs
    private static ValidatableResponse batch(Actor sender, boolean atomic, Map<String, Object>... items) {
        return sender.req().body(Map.of("items", List.of(items), "atomic", atomic)).post("/api/v1/notifications/batch")
                .then();
    }

    private static Map<String, Object> item(String type, String title, String recipient) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("recipients", List.of(recipient));
        item.put("type", type);
        item.put("title", title);
        item.put("content", "Details of " + title);
        return item;
    }
}
