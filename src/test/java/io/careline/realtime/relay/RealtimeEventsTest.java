package io.careline.realtime.relay;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Typing, presence, session and topic events reach the members' devices, and nobody else's. */
@QuarkusTest
class RealtimeEventsTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-ev", "doctor");
    final Actor patient = Actor.of(tenant, "pat-ev", "patient");
    final Actor stranger = Actor.of(tenant, "pat-stranger", "patient");

    @Test
    void typingReachesTheOtherMembersOnlyAndStoresNothing() throws Exception {
        createSession(his, "typing", "consultation", "pat-ev:patient", "dr-ev:doctor");
        Device doctorPhone = Device.connect(server, doctor);
        Device patientPhone = Device.connect(server, patient);
        Device outsider = Device.connect(server, stranger);
        try {
            patientPhone.send("{\"type\":\"typing\",\"sessionId\":\"typing\"}");
            JsonNode typing = doctorPhone.next();
            assertThat(typing.get("type").asText()).isEqualTo("typing");
            assertThat(typing.get("sessionId").asText()).isEqualTo("typing");
            assertThat(typing.get("userId").asText()).isEqualTo("pat-ev");

            outsider.send("{\"type\":\"typing\",\"sessionId\":\"typing\",\"id\":\"t-1\"}");
            JsonNode refused = outsider.next();
            assertThat(refused.get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
            assertThat(refused.get("ref").asText()).isEqualTo("t-1");

            // Frames arrive in order per connection: a typing echo would come before these pongs.
            for (Device device : new Device[] { patientPhone, doctorPhone }) {
                device.send("{\"type\":\"ping\",\"id\":\"after\"}");
                assertThat(device.next().get("type").asText()).isEqualTo("pong");
            }
            his.req().get("/api/v1/sessions/typing").then().statusCode(200)
                    .body("lastSeq", org.hamcrest.Matchers.equalTo(0));
        } finally {
            close(doctorPhone, patientPhone, outsider);
        }
    }

    @Test
    void contactsSeeAUserComeOnlineAndGoOfflineAndStrangersDoNot() throws Exception {
        createSession(his, "presence", "consultation", "pat-ev:patient", "dr-ev:doctor");
        Device doctorPhone = Device.connect(server, doctor);
        Device outsider = Device.connect(server, stranger);
        try {
            Device patientPhone = Device.connect(server, patient);
            JsonNode online = doctorPhone.nextPresence();
            assertThat(online.get("userId").asText()).isEqualTo("pat-ev");
            assertThat(online.get("online").asBoolean()).isTrue();

            // A second device of a user already online changes nothing; closing one of two neither.
            Device patientTablet = Device.connect(server, patient);
            patientTablet.close();
            patientPhone.close();
            JsonNode offline = doctorPhone.nextPresence();
            assertThat(offline.get("userId").asText()).isEqualTo("pat-ev");
            assertThat(offline.get("online").asBoolean()).isFalse();
            assertThat(doctorPhone.presence()).isEmpty();
            // Barrier: a contact of the outsider comes online after all that; had the outsider been told of
            // pat-ev, that frame would have been queued first.
            createSession(his, "outsider-pal", "consultation", stranger.userId() + ":patient", "pal-ev:doctor");
            Device pal = Device.connect(server, Actor.of(tenant, "pal-ev", "doctor"));
            assertThat(outsider.nextPresence().get("userId").asText()).isEqualTo("pal-ev");
            pal.close();
        } finally {
            close(doctorPhone, outsider);
        }
    }

    @Test
    void aWardComingOnlineAtOnceIsAnnouncedOncePerPatientToTheirDoctor() throws Exception {
        List<Actor> ward = IntStream.range(0, 12).mapToObj(i -> Actor.of(tenant, "pat-ward-" + i, "patient")).toList();
        for (Actor bed : ward) {
            createSession(his, "ward-" + bed.userId(), "consultation", bed.userId() + ":patient", "dr-ev:doctor");
        }
        Device doctorPhone = Device.connect(server, doctor);
        List<Device> phones = ward.parallelStream().map(bed -> Device.connect(server, bed)).toList();
        try {
            Set<String> announced = new HashSet<>();
            for (int i = 0; i < ward.size(); i++) {
                JsonNode online = doctorPhone.nextPresence();
                assertThat(online.get("online").asBoolean()).isTrue();
                assertThat(announced.add(online.get("userId").asText())).as("announced once").isTrue();
            }
            assertThat(announced).isEqualTo(ward.stream().map(Actor::userId).collect(Collectors.toSet()));
            // Barrier: a duplicate or a stranger's frame would have been queued before this one.
            phones.get(0).close();
            JsonNode offline = doctorPhone.nextPresence();
            assertThat(offline.get("userId").asText()).isEqualTo("pat-ward-0");
            assertThat(offline.get("online").asBoolean()).isFalse();
            assertThat(doctorPhone.presence()).isEmpty();
        } finally {
            phones.forEach(Device::close);
            close(doctorPhone);
        }
    }

    @Test
    void sessionChangesReachTheMembersAndTheOneWhoWasRemoved() throws Exception {
        createSession(his, "changes", "group", "pat-ev:patient", "dr-ev:doctor");
        Device doctorPhone = Device.connect(server, doctor);
        Device patientPhone = Device.connect(server, patient);
        try {
            his.req().body(Map.of("name", "Ward 3")).patch("/api/v1/sessions/changes").then().statusCode(200);
            for (Device device : new Device[] { doctorPhone, patientPhone }) {
                JsonNode renamed = device.next();
                assertThat(renamed.get("type").asText()).isEqualTo("session");
                assertThat(renamed.get("sessionId").asText()).isEqualTo("changes");
                assertThat(renamed.get("event").asText()).isEqualTo("renamed");
            }

            his.req().delete("/api/v1/sessions/changes/participants/pat-ev").then().statusCode(204);
            for (Device device : new Device[] { doctorPhone, patientPhone }) {
                assertThat(device.next().get("msgType").asText()).isEqualTo("system");
                assertThat(device.next().get("event").asText()).isEqualTo("participants_changed");
            }

            his.req().body(Map.of("status", "closed")).patch("/api/v1/sessions/changes").then().statusCode(200);
            JsonNode closedFrame = doctorPhone.next();
            assertThat(closedFrame.toString()).contains("\"event\":\"closed\"");
            // The removed patient hears nothing more of the session.
            patientPhone.send("{\"type\":\"ping\",\"id\":\"after\"}");
            assertThat(patientPhone.next().get("type").asText()).isEqualTo("pong");
        } finally {
            close(doctorPhone, patientPhone);
        }
    }

    @Test
    void topicsAnnounceOpenedRepliedAndEnded() throws Exception {
        createSession(his, "consult", "consultation", "pat-ev:patient", "dr-ev:doctor");
        Device patientPhone = Device.connect(server, patient);
        try {
            patient.req().body(Map.of("id", "c-7")).post("/api/v1/sessions/consult/topics").then().statusCode(201);
            assertThat(patientPhone.next().get("msgType").asText()).isEqualTo("topic_begin");
            assertTopicEvent(patientPhone.next(), "opened");

            sendText(doctor, "consult", "How long have you had it?");
            assertThat(patientPhone.next().get("msgType").asText()).isEqualTo("text");
            assertTopicEvent(patientPhone.next(), "replied");
            sendText(doctor, "consult", "A second reply is no news");
            assertThat(patientPhone.next().toString()).contains("\"msgType\":\"text\"");

            doctor.req().post("/api/v1/sessions/consult/topics/c-7/end").then().statusCode(200);
            assertThat(patientPhone.next().get("msgType").asText()).isEqualTo("topic_end");
            assertTopicEvent(patientPhone.next(), "ended");
        } finally {
            close(patientPhone);
        }
    }

    private static void assertTopicEvent(JsonNode frame, String event) {
        assertThat(frame.get("type").asText()).isEqualTo("topic");
        assertThat(frame.get("sessionId").asText()).isEqualTo("consult");
        assertThat(frame.get("topicId").asText()).isEqualTo("c-7");
        assertThat(frame.get("event").asText()).isEqualTo(event);
    }

    private static void close(Device... devices) {
        for (Device device : devices) {
            device.close();
        }
    }
}
