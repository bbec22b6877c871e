package io.careline.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.JdkDevice;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes (the packaged application started twice) sharing MariaDB and Redis: messages, presence and
 * resume work whichever node each device is on, and a killed node's users go offline by themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossNodeIT {
    private static final int TTL_SECONDS = 3;
    /** One entry per sweep round trip, so that a sweep must drain several batches in one heartbeat. */
    private static final Map<String, String> FAST_PRESENCE = Map.of(
            "CARELINE_REALTIME_PRESENCE_TTL", TTL_SECONDS + "s", "CARELINE_REALTIME_PRESENCE_HEARTBEAT", "1s",
            "CARELINE_REALTIME_PRESENCE_BATCH", "1");

    private static final ObjectMapper JSON = new ObjectMapper();

    static PackagedApp nodeA;
    static PackagedApp nodeB;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-x", "doctor");
    final Actor patient = Actor.of(tenant, "pat-x", "patient");

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodeA = PackagedApp.start(FAST_PRESENCE);
        nodeB = PackagedApp.start(FAST_PRESENCE);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    private static void redisCli(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379"));
        line.addAll(List.of(command));
        assertThat(new ProcessBuilder(line).start().waitFor()).isZero();
    }

    @Test
    @Order(1)
    void aMessageSentOnOneNodeReachesADeviceOnTheOther() throws Exception {
        createSession("across");
        try (JdkDevice patientOnB = JdkDevice.connect(nodeB.api("/"), patient.token());
                JdkDevice doctorOnA = JdkDevice.connect(nodeA.api("/"), doctor.token())) {
            Http.sendText(nodeA, doctor, "across", "sent over REST on A");
            assertThat(patientOnB.next("message").get("seq").asLong()).isEqualTo(1);

            doctorOnA.send("{\"type\":\"send\",\"sessionId\":\"across\",\"clientMsgId\":\"ws-1\",\"msgType\":\"text\","
                    + "\"content\":{\"text\":\"sent over WebSocket on A\"}}");
            assertThat(doctorOnA.next("ack").get("seq").asLong()).isEqualTo(2);
            JsonNode atB = patientOnB.next("message");
            assertThat(atB.get("seq").asLong()).isEqualTo(2);
            assertThat(atB.get("clientMsgId").asText()).isEqualTo("ws-1");
        }
    }

    @Test
    @Order(2)
    void aClientThatWasAwayResumesWithExactlyWhatItMissedFromBothNodes() throws Exception {
        createSession("resume");
        try (JdkDevice doctorOnA = JdkDevice.connect(nodeA.api("/"), doctor.token());
                JdkDevice doctorOnB = JdkDevice.connect(nodeB.api("/"), doctor.token())) {
            JdkDevice[] sockets = { doctorOnA, doctorOnB };
            PackagedApp[] nodes = { nodeA, nodeB };
            // 100 messages while the patient is away: REST and WebSocket, alternating nodes.
            for (int i = 1; i <= 100; i++) {
                if (i % 2 == 0) {
                    Http.sendText(nodes[(i / 2) % 2], doctor, "resume", "REST " + i);
                } else {
                    JdkDevice socket = sockets[(i / 2) % 2];
                    socket.send("{\"type\":\"send\",\"sessionId\":\"resume\",\"clientMsgId\":\"m-" + i
                            + "\",\"msgType\":\"text\",\"content\":{\"text\":\"WS " + i + "\"}}");
                    assertThat(socket.next("ack").get("clientMsgId").asText()).isEqualTo("m-" + i);
                }
            }
        }
        try (JdkDevice back = JdkDevice.connect(nodeB.api("/"), patient.token())) {
            back.send("{\"type\":\"sync\",\"id\":\"s\",\"sessions\":[{\"sessionId\":\"resume\",\"afterSeq\":0}]}");
            List<Long> seqs = new ArrayList<>();
            JsonNode frame;
            while (!"synced".equals((frame = back.next(Duration.ofSeconds(10), "message", "synced"))
                    .get("type").asText())) {
                seqs.add(frame.get("seq").asLong());
            }
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        }
    }

    @Test
    @Order(3)
    void aNotificationSentOnOneNodeReachesTheOtherOnceAndAReconnectResumesByNseq() throws Exception {
        assertThat(Http.put(nodeA.api("/api/v1/users/pat-x"), his, "{\"role\":\"patient\"}").statusCode())
                .isIn(200, 201);
        try (JdkDevice onB = JdkDevice.connect(nodeB.api("/"), patient.token());
                JdkDevice alsoOnA = JdkDevice.connect(nodeA.api("/"), patient.token())) {
            notify(nodeA, "live 1");
            notify(nodeB, "live 2");
            for (JdkDevice device : List.of(onB, alsoOnA)) {
                // In nseq order and each once: a second copy of the first would come before the second.
                assertThat(device.next("notification").get("nseq").asLong()).isEqualTo(1);
                JsonNode second = device.next("notification");
                assertThat(second.get("nseq").asLong()).isEqualTo(2);
                assertThat(second.get("title").asText()).isEqualTo("live 2");
            }
        }
        // Away: three more, sent on both nodes; back on B, a sync from nseq 2 gets exactly 3..5.
        for (int i = 3; i <= 5; i++) {
            notify(i % 2 == 0 ? nodeA : nodeB, "away " + i);
        }
        try (JdkDevice back = JdkDevice.connect(nodeB.api("/"), patient.token())) {
            back.send("{\"type\":\"sync\",\"id\":\"n\",\"afterNseq\":2}");
            List<Long> nseqs = new ArrayList<>();
            JsonNode frame;
            while (!"synced".equals((frame = back.next(Duration.ofSeconds(10), "notification", "synced"))
                    .get("type").asText())) {
                nseqs.add(frame.get("nseq").asLong());
            }
            assertThat(nseqs).containsExactly(3L, 4L, 5L);
            assertThat(frame.at("/notifications/lastNseq").asLong()).isEqualTo(5);
        }
        // The live ones were written to two devices on two nodes and are logged delivered once; synced ones too.
        Actor admin = Actor.of(tenant, "admin-x", "admin");
        URI delivered = nodeA.api("/api/v1/notification-log?userId=pat-x&action=delivered");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> JSON.readTree(Http.get(delivered, admin).body()).get("items").size() >= 5);
        assertThat(JSON.readTree(Http.get(delivered, admin).body()).get("items")).hasSize(5);
    }

    private void notify(PackagedApp node, String title) throws Exception {
        HttpResponse<String> sent = Http.post(node.api("/api/v1/notifications"), his, "{\"type\":\"exam_result\","
                + "\"title\":\"" + title + "\",\"content\":\"result\",\"recipients\":[\"pat-x\"]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    /** Also the packaged proof (JVM and native) of the consultation and support-desk endpoints. */
    @Test
    @Order(4)
    void aDesksQueueClaimAndAssignmentReachAgentsAndTheCustomerOnEitherNode() throws Exception {
        Actor admin = Actor.of(tenant, "admin-x", "admin");
        assertThat(Http.put(nodeA.api("/api/v1/users/desk-assistant"), admin, "{\"role\":\"agent\"}").statusCode())
                .isEqualTo(201);
        assertThat(Http.put(nodeA.api("/api/v1/support/desks/front"), admin,
                "{\"name\":\"Front desk\",\"assistantId\":\"desk-assistant\",\"capacity\":2}").statusCode())
                .isEqualTo(201);
        for (String agent : List.of("agent-x", "agent-y")) {
            assertThat(Http.put(nodeA.api("/api/v1/support/desks/front/agents/" + agent), admin, "{}").statusCode())
                    .isEqualTo(201);
        }
        Actor agentX = Actor.of(tenant, "agent-x", "agent");
        Actor agentY = Actor.of(tenant, "agent-y", "agent");
        try (JdkDevice xOnA = JdkDevice.connect(nodeA.api("/"), agentX.token());
                JdkDevice yOnB = JdkDevice.connect(nodeB.api("/"), agentY.token());
                JdkDevice customerOnB = JdkDevice.connect(nodeB.api("/"), patient.token())) {
            HttpResponse<String> opened = Http.post(nodeA.api("/api/v1/support/rooms"), patient,
                    "{\"deskId\":\"front\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String room = JSON.readTree(opened.body()).get("sessionId").asText();
            assertThat(yOnB.next("queue").get("event").asText()).isEqualTo("waiting");

            xOnA.send("{\"type\":\"claim\",\"id\":\"c\",\"sessionId\":\"" + room + "\"}");
            assertThat(xOnA.next("room").get("state").asText()).isEqualTo("assigned");
            JsonNode claimed = yOnB.next("queue");
            assertThat(claimed.get("event").asText()).isEqualTo("claimed");
            assertThat(claimed.get("waiting").asInt()).isZero();
            assertThat(customerOnB.next("assigned").get("agentId").asText()).isEqualTo("agent-x");
            HttpResponse<String> second = Http.post(nodeB.api("/api/v1/support/rooms/" + room + "/claim"), agentY, "");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("code").asText()).isEqualTo("ROOM_ALREADY_CLAIMED");

            Http.sendText(nodeB, patient, room, "Where is my report?");
            JsonNode flagged = JSON.readTree(Http.get(nodeA.api("/api/v1/support/agents/me/rooms?awaitingReply=true"),
                    agentX).body());
            assertThat(flagged.get("items").get(0).get("sessionId").asText()).isEqualTo(room);
        }
        // Consultations and care relations, served by the other node.
        assertThat(Http.put(nodeB.api("/api/v1/users/dr-x"), his, "{\"role\":\"doctor\"}").statusCode())
                .isIn(200, 201);
        HttpResponse<String> consultation = Http.post(nodeB.api("/api/v1/consultations"), patient,
                "{\"doctorId\":\"dr-x\",\"patientId\":\"pat-x\",\"kind\":\"text\",\"source\":\"scan\"}");
        assertThat(consultation.statusCode()).as(consultation.body()).isEqualTo(201);
        HttpResponse<String> again = Http.post(nodeA.api("/api/v1/consultations"), patient,
                "{\"doctorId\":\"dr-x\",\"patientId\":\"pat-x\"}");
        assertThat(JSON.readTree(again.body()).get("isOld").asBoolean()).isTrue();
        HttpResponse<String> relation = Http.patch(nodeA.api("/api/v1/doctors/me/patients/pat-x"), doctor,
                "{\"tags\":[\"asthma\"],\"groups\":[\"vip\"]}");
        assertThat(relation.statusCode()).as(relation.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(Http.get(nodeB.api("/api/v1/doctors/me/patients?tag=asthma"), doctor).body());
        assertThat(list.get("items").get(0).get("groups").get(0).asText()).isEqualTo("vip");
        JsonNode workbench = JSON.readTree(Http.get(nodeB.api("/api/v1/consultations"), doctor).body());
        assertThat(workbench.get("counts").get("unreplied").asInt()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void presenceOnOneNodeIsSeenOnTheOtherAndAKilledNodesUsersGoOffline() throws Exception {
        createSession("presence");
        try (JdkDevice doctorOnA = JdkDevice.connect(nodeA.api("/"), doctor.token())) {
            JdkDevice.connect(nodeB.api("/"), patient.token());
            JsonNode online = doctorOnA.next("presence");
            assertThat(online.get("userId").asText()).isEqualTo("pat-x");
            assertThat(online.get("online").asBoolean()).isTrue();

            // Twenty users of a node that crashed earlier expire first (their deadlines are older): a sweep of
            // one batch a heartbeat would reach pat-x only after 20 s.
            for (int i = 0; i < 20; i++) {
                redisCli("ZADD", "careline:presence:deadlines", "1",
                        "[\"" + tenant + "\",\"gone-" + i + "\",\"crashed-node\"]");
            }
            long killed = System.nanoTime();
            nodeB.kill();
            JsonNode offline = doctorOnA.next(Duration.ofSeconds(TTL_SECONDS + 5), "presence");
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("[presence] a killed node's user went offline after %.2f s (TTL %d s, heartbeat 1 s)%n",
                    seconds, TTL_SECONDS);
            assertThat(offline.get("userId").asText()).isEqualTo("pat-x");
            assertThat(offline.get("online").asBoolean()).isFalse();
            assertThat(seconds).as("within the TTL (and the time to deliver the frame)").isLessThan(TTL_SECONDS + 0.5);
        }
    }

    private void createSession(String id) throws Exception {
        assertThat(Http.post(nodeA.api("/api/v1/sessions"), his, "{\"id\":\"" + id + "\",\"type\":\"consultation\","
                + "\"participants\":[{\"userId\":\"pat-x\",\"role\":\"patient\"},{\"userId\":\"dr-x\",\"role\":\"doctor\"}]}")
                .statusCode()).isEqualTo(201);
    }
}
