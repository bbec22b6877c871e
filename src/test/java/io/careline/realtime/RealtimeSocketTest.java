package io.careline.realtime;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.RawWebSocket;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RealtimeSocketTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-ws", "doctor");
    final Actor patient = Actor.of(tenant, "pat-ws", "patient");

    private Device doctorPhone;
    private Device patientPhone;
    private Device patientTablet;

    @BeforeEach
    void connect() {
        createSession(his, "ws-chat", "consultation", "pat-ws:patient", "dr-ws:doctor");
        doctorPhone = connect(doctor);
        patientPhone = connect(patient);
        patientTablet = connect(patient);
    }

    @AfterEach
    void disconnect() {
        for (Device device : new Device[] { doctorPhone, patientPhone, patientTablet }) {
            device.close();
        }
    }

    private Device connect(Actor actor) {
        return Device.connect(server, actor);
    }

    @Test
    void aSentMessageIsAckedToTheSenderAndDeliveredToEveryOtherDevice() throws Exception {
        patientPhone.send("""
                {"type":"send","sessionId":"ws-chat","clientMsgId":"c-1","msgType":"text","content":{"text":"hi doc"}}""");
        JsonNode ack = patientPhone.next();
        assertThat(ack.get("type").asText()).isEqualTo("ack");
        assertThat(ack.get("seq").asLong()).isEqualTo(1);
        assertThat(ack.get("clientMsgId").asText()).isEqualTo("c-1");

        JsonNode atDoctor = doctorPhone.next();
        assertThat(atDoctor.get("type").asText()).isEqualTo("message");
        assertThat(atDoctor.get("seq").asLong()).isEqualTo(1);
        assertThat(atDoctor.get("senderId").asText()).isEqualTo("pat-ws");
        assertThat(atDoctor.at("/content/text").asText()).isEqualTo("hi doc");
        assertThat(patientTablet.next().get("seq").asLong()).isEqualTo(1);

        // The sending device got its ack, not a copy: its next frame is the doctor's reply.
        sendText(doctor, "ws-chat", "hello from REST");
        JsonNode reply = patientPhone.next();
        assertThat(reply.get("type").asText()).isEqualTo("message");
        assertThat(reply.get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void aRetriedSendIsAckedWithTheSameSeqAndDeliveredOnce() throws Exception {
        String send = """
                {"type":"send","sessionId":"ws-chat","clientMsgId":"again","msgType":"text","content":{"text":"once"}}""";
        patientPhone.send(send);
        patientPhone.send(send);
        assertThat(patientPhone.next().get("seq").asLong()).isEqualTo(1);
        assertThat(patientPhone.next().get("seq").asLong()).isEqualTo(1);
        sendText(patient, "ws-chat", "next");
        assertThat(doctorPhone.next().get("seq").asLong()).isEqualTo(1);
        assertThat(doctorPhone.next().get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void readReceiptsReachTheOtherParticipantsAndTheReadersOtherDevices() throws Exception {
        sendText(doctor, "ws-chat", "one");
        sendText(doctor, "ws-chat", "two");
        for (Device device : new Device[] { patientPhone, patientTablet, doctorPhone }) {
            assertThat(device.next().get("seq").asLong()).isEqualTo(1);
            assertThat(device.next().get("seq").asLong()).isEqualTo(2);
        }
        patientPhone.send("{\"type\":\"read\",\"sessionId\":\"ws-chat\",\"seq\":2}");
        for (Device device : new Device[] { patientPhone, patientTablet, doctorPhone }) {
            JsonNode read = device.next();
            assertThat(read.get("type").asText()).isEqualTo("read");
            assertThat(read.get("userId").asText()).isEqualTo("pat-ws");
            assertThat(read.get("seq").asLong()).isEqualTo(2);
        }
        // A read over REST is announced the same way.
        doctor.req().body(Map.of("seq", 2)).post("/api/v1/sessions/ws-chat/read").then().statusCode(200);
        JsonNode doctorRead = patientTablet.next();
        assertThat(doctorRead.get("userId").asText()).isEqualTo("dr-ws");
        patientPhone.send("{\"type\":\"read\",\"sessionId\":\"ws-chat\",\"seq\":9,\"id\":\"r-9\"}");
        JsonNode beyond = patientPhone.next();
        assertThat(beyond.get("type").asText()).isEqualTo("read");
        assertThat(beyond.get("userId").asText()).isEqualTo("dr-ws");
        JsonNode refused = patientPhone.next();
        assertThat(refused.get("code").asText()).isEqualTo("SEQ_OUT_OF_RANGE");
        assertThat(refused.get("ref").asText()).isEqualTo("r-9");
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionStays() throws Exception {
        patientPhone.send("{not json");
        assertThat(patientPhone.next().get("code").asText()).isEqualTo("MALFORMED_JSON");
        patientPhone.send("{\"type\":\"teleport\",\"id\":\"f-9\"}");
        JsonNode unknown = patientPhone.next();
        assertThat(unknown.get("code").asText()).isEqualTo("UNKNOWN_FRAME_TYPE");
        assertThat(unknown.get("ref").asText()).isEqualTo("f-9");
        patientPhone.send("""
                {"type":"send","sessionId":"ws-chat","clientMsgId":"c-bad","msgType":"image","content":{"text":"no url"}}""");
        JsonNode invalid = patientPhone.next();
        assertThat(invalid.get("code").asText()).isEqualTo("INVALID_CONTENT");
        assertThat(invalid.get("ref").asText()).isEqualTo("c-bad");
        patientPhone.send("""
                {"type":"send","sessionId":"ws-chat","msgType":"text","content":{"text":"no client id"}}""");
        assertThat(patientPhone.next().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        patientPhone.send("{\"type\":\"ping\",\"id\":\"p-1\"}");
        JsonNode pong = patientPhone.next();
        assertThat(pong.get("type").asText()).isEqualTo("pong");
        assertThat(pong.get("id").asText()).isEqualTo("p-1");
        his.req().get("/api/v1/sessions/ws-chat").then().statusCode(200)
                .body("lastSeq", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aStrangerCanNeitherSendNorHear() throws Exception {
        Device stranger = connect(Actor.of(tenant, "pat-other", "patient"));
        try {
            stranger.send("""
                    {"type":"send","sessionId":"ws-chat","clientMsgId":"x","msgType":"text","content":{"text":"let me in"}}""");
            assertThat(stranger.next().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
            sendText(doctor, "ws-chat", "private");
            assertThat(patientPhone.next().get("seq").asLong()).isEqualTo(1);
            stranger.send("{\"type\":\"ping\",\"id\":\"after\"}");
            // Frames on one connection arrive in order: had the stranger received the message, it would come first.
            assertThat(stranger.next().get("type").asText()).isEqualTo("pong");
        } finally {
            stranger.close();
        }
    }

    @Test
    void browsersPassTheTokenAsASubprotocol() throws Exception {
        Device browser = Device.connect(BasicWebSocketConnector.create()
                .addSubprotocol("bearer-token-carrier")
                .addSubprotocol(URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + patient.token(),
                        StandardCharsets.UTF_8).replace("+", "%20")), server);
        try {
            browser.send("{\"type\":\"ping\",\"id\":\"b\"}");
            assertThat(browser.next().get("type").asText()).isEqualTo("pong");
            sendText(doctor, "ws-chat", "to the browser too");
            assertThat(browser.next().get("seq").asLong()).isEqualTo(1);
        } finally {
            browser.close();
        }
    }

    @Test
    void aConnectionIsClosedWithAReconnectCodeWhenItsTokenExpires() throws Exception {
        String shortLived = Jwt.issuer(Tokens.ISSUER).subject("pat-ws").claim("tenant", tenant).groups("patient")
                .expiresIn(2).sign(Tokens.devKey());
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocketClientConnection expiring = BasicWebSocketConnector.create().baseUri(server).path("/ws")
                .addHeader("Authorization", "Bearer " + shortLived)
                .onClose((c, reason) -> closed.complete(reason.getCode())).connectAndAwait();
        assertThat(expiring.isOpen()).isTrue();
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    @Test
    void upgradesWithoutAValidTokenAreRefused() {
        assertThatThrownBy(() -> BasicWebSocketConnector.create().baseUri(server).path("/ws").connectAndAwait())
                .hasMessageContaining("401");
        assertThatThrownBy(() -> BasicWebSocketConnector.create().baseUri(server).path("/ws")
                .addHeader("Authorization", "Bearer not-a-token").connectAndAwait()).hasMessageContaining("401");
    }

    @Test
    void refusedUpgradesCarryAProblem() throws Exception {
        for (String token : new String[] { null, "not-a-token" }) {
            String answer = RawWebSocket.refusedUpgrade(server, token);
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("www-authenticate: Bearer").contains("\"code\":\"UNAUTHENTICATED\"");
        }
    }
}
