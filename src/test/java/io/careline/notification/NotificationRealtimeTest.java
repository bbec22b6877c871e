package io.careline.notification;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Notifications.profile;
import static io.careline.testing.Notifications.send;
import static io.careline.testing.Notifications.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications over the WebSocket: live frames, delivery receipts, resume by nseq, mark_read, rooms. */
@QuarkusTest
class NotificationRealtimeTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-r", "admin");
    final Actor patient = Actor.of(tenant, "pat-r", "patient");
    final Actor doctor = Actor.of(tenant, "dr-r", "doctor");

    @Inject
    OnlineUsers presence;

    @BeforeEach
    void profiles() {
        profile(his, "pat-r", "patient", null);
        profile(his, "dr-r", "doctor", "cardiology");
    }

    @Test
    void anOnlineRecipientGetsTheFrameAndItIsDeliveredOnceWrittenToADevice() throws Exception {
        Device phone = Device.connect(server, patient);
        Device tablet = Device.connect(server, patient);
        send(his, Map.of("type", "exam_result", "title", "CT", "content", "Your CT result is out",
                "recipients", List.of("pat-r"), "metadata", Map.of("examId", "E789"))).statusCode(201)
                .body("onlineCount", is(1));
        for (Device device : List.of(phone, tablet)) {
            JsonNode frame = device.next();
            assertThat(frame.get("type").asText()).isEqualTo("notification");
            assertThat(frame.get("nseq").asLong()).isEqualTo(1);
            assertThat(frame.get("notificationType").asText()).isEqualTo("exam_result");
            assertThat(frame.get("priority").asText()).isEqualTo("high");
            assertThat(frame.get("silent").asBoolean()).isFalse();
            assertThat(frame.at("/metadata/examId").asText()).isEqualTo("E789");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(
                patient.req().get("/api/v1/notifications").then().extract().path("items[0].status")));
        patient.req().get("/api/v1/notifications").then().body("items[0].deliveredAt", notNullValue());
        admin.req().get("/api/v1/notification-log?userId=pat-r&action=delivered").then()
                .body("items.actorId", contains(nullValue()));
        phone.close();
        tablet.close();
    }

    @Test
    void aGroupSendCountsEachOnlineRecipientOnceWhateverTheirDevices() throws Exception {
        profile(his, "pat-o", "patient", null);
        Device phone = Device.connect(server, patient);
        Device tablet = Device.connect(server, patient);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> presence.countOnline(tenant,
                List.of("pat-r", "pat-o", "dr-r")).toCompletableFuture().join().orElse(-1) == 1);
        send(his, Map.of("type", "exam_result", "title", "Flu clinic", "content", "Open on Saturday",
                "roles", List.of("patient"), "recipients", List.of("pat-r"))).statusCode(201)
                .body("recipientCount", is(2)).body("onlineCount", is(1));
        assertThat(phone.next().get("notificationType").asText()).isEqualTo("exam_result");
        assertThat(tablet.next().get("notificationType").asText()).isEqualTo("exam_result");
        phone.close();
        tablet.close();
    }

    @Test
    void anOfflineRecipientStaysPendingUntilASyncWritesItToTheirDevice() throws Exception {
        String id = sendTo(his, "appointment", "Tomorrow", "pat-r");
        patient.req().get("/api/v1/notifications/" + id).then().body("status", is("pending"))
                .body("deliveredAt", nullValue());

        Device back = Device.connect(server, patient);
        back.send("{\"type\":\"sync\",\"id\":\"s1\"}");
        JsonNode frame = back.next();
        assertThat(frame.get("type").asText()).isEqualTo("notification");
        assertThat(frame.get("id").asText()).isEqualTo(id);
        JsonNode synced = back.next();
        assertThat(synced.get("type").asText()).isEqualTo("synced");
        assertThat(synced.at("/notifications/lastNseq").asLong()).isEqualTo(1);
        assertThat(synced.at("/notifications/hasMore").asBoolean()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(
                patient.req().get("/api/v1/notifications/" + id).then().extract().path("status")));
        back.close();
    }

    @Test
    void aReconnectedDeviceResumesByNseqInPagesWithNothingLostOrRepeated() throws Exception {
        for (int i = 1; i <= 25; i++) {
            sendTo(his, "appointment", "Reminder " + i, "pat-r");
        }
        patient.req().body(Map.of("status", "read")).put("/api/v1/notifications/"
                + patient.req().get("/api/v1/notifications?limit=1").then().extract().path("items[0].id")
                + "/status");
        Device back = Device.connect(server, patient);
        List<Long> nseqs = new ArrayList<>();
        long after = 3;
        JsonNode synced;
        int syncs = 0;
        do {
            syncs++;
            back.send("{\"type\":\"sync\",\"sessions\":[],\"afterNseq\":" + after + "}");
            JsonNode frame;
            while ("notification".equals((frame = back.next()).get("type").asText())) {
                nseqs.add(frame.get("nseq").asLong());
            }
            synced = frame;
            after = synced.at("/notifications/lastNseq").asLong();
        } while (synced.at("/notifications/hasMore").asBoolean());
        // Read ones too: a sync by nseq closes the gap, whatever the reader did meanwhile.
        assertThat(nseqs).containsExactlyElementsOf(LongStream.rangeClosed(4, 25).boxed().toList());
        assertThat(syncs).as("22 notifications, 20 a sync").isEqualTo(2);
        back.close();
    }

    @Test
    void markReadOnOneDeviceTellsTheOthersAndAnsweredWithWhatChanged() throws Exception {
        String first = sendTo(his, "appointment", "One", "pat-r");
        String second = sendTo(his, "appointment", "Two", "pat-r");
        Device phone = Device.connect(server, patient);
        Device tablet = Device.connect(server, patient);

        phone.send("{\"type\":\"mark_read\",\"id\":\"m1\",\"ids\":[\"" + first + "\"]}");
        JsonNode marked = phone.next();
        assertThat(marked.get("type").asText()).isEqualTo("marked");
        assertThat(marked.get("id").asText()).isEqualTo("m1");
        assertThat(marked.get("ids")).extracting(JsonNode::asText).containsExactly(first);
        JsonNode status = tablet.next();
        assertThat(status.get("type").asText()).isEqualTo("notification_status");
        assertThat(status.get("status").asText()).isEqualTo("read");
        assertThat(status.get("ids")).extracting(JsonNode::asText).containsExactly(first);

        patient.req().body(Map.of("status", "archived")).put("/api/v1/notifications/" + second + "/status").then()
                .statusCode(200);
        for (Device device : List.of(phone, tablet)) {
            JsonNode archived = device.next();
            assertThat(archived.get("status").asText()).isEqualTo("archived");
            assertThat(archived.get("ids")).extracting(JsonNode::asText).containsExactly(second);
        }

        String strangers = sendTo(his, "appointment", "Not yours", "dr-r");
        phone.send("{\"type\":\"mark_read\",\"id\":\"m2\",\"ids\":[\"" + second + "\",\"" + strangers + "\"]}");
        JsonNode refused = phone.next();
        assertThat(refused.get("code").asText()).isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(refused.get("ref").asText()).isEqualTo("m2");
        phone.send("{\"type\":\"mark_read\",\"id\":\"m3\",\"ids\":[]}");
        assertThat(phone.next().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        doctor.req().get("/api/v1/notifications/" + strangers).then().body("status", is("pending"));
        phone.close();
        tablet.close();
    }

    @Test
    void roomsAreGrantedByTheirRuleAndANotificationToARoomReachesItsSubscribers() throws Exception {
        createSession(his, "care-r", "consultation", "pat-r:patient", "dr-r:doctor");
        Device doctorDevice = Device.connect(server, doctor);
        doctorDevice.send("{\"type\":\"subscribe\",\"id\":\"sub\",\"rooms\":[\"tenant\",\"role:doctor\","
                + "\"department:cardiology\",\"patient:pat-r\",\"patient:pat-other\",\"role:admin\",\"ward-7\","
                + "\"department:Cardiology\"]}");
        JsonNode subscribed = doctorDevice.next();
        assertThat(subscribed.get("type").asText()).isEqualTo("subscribed");
        assertThat(subscribed.get("id").asText()).isEqualTo("sub");
        assertThat(subscribed.get("granted")).extracting(JsonNode::asText)
                .containsExactly("tenant", "role:doctor", "department:cardiology", "patient:pat-r");
        assertThat(subscribed.get("refused")).extracting(r -> r.get("room").asText() + " " + r.get("code").asText())
                .containsExactly("patient:pat-other ROOM_FORBIDDEN", "role:admin ROOM_FORBIDDEN",
                        "ward-7 ROOM_INVALID", "department:Cardiology ROOM_FORBIDDEN");

        patient.req().body(Map.of("rooms", List.of("patient:pat-r", "role:doctor", "department:cardiology")))
                .post("/api/v1/me/subscriptions").then().statusCode(200).body("granted", contains("patient:pat-r"))
                .body("refused.code", contains("ROOM_FORBIDDEN", "ROOM_FORBIDDEN"));
        doctor.req().get("/api/v1/me/subscriptions").then()
                .body("rooms", contains("department:cardiology", "patient:pat-r", "role:doctor", "tenant"));

        send(his, Map.of("type", "record_updated", "title", "Record changed", "content", "A new lab report",
                "room", "patient:pat-r")).statusCode(201).body("recipientCount", is(2));
        JsonNode frame = doctorDevice.next();
        assertThat(frame.get("type").asText()).isEqualTo("notification");
        assertThat(frame.get("title").asText()).isEqualTo("Record changed");

        doctorDevice.send("{\"type\":\"unsubscribe\",\"id\":\"u\",\"rooms\":[\"patient:pat-r\",\"tenant\"]}");
        JsonNode unsubscribed = doctorDevice.next();
        assertThat(unsubscribed.get("type").asText()).isEqualTo("unsubscribed");
        assertThat(unsubscribed.get("rooms")).extracting(JsonNode::asText)
                .containsExactly("department:cardiology", "role:doctor");
        send(his, Map.of("type", "record_updated", "title", "Again", "content", "x", "room", "patient:pat-r"))
                .statusCode(201).body("recipientCount", is(1));
        doctor.req().delete("/api/v1/me/subscriptions?room=role:doctor").then().statusCode(200)
                .body("rooms", contains("department:cardiology"));
        doctorDevice.close();
    }
}
