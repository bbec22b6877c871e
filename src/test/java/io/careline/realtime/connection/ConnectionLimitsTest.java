package io.careline.realtime.connection;

import static io.careline.testing.Conversations.createSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.realtime.frame.CloseCode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.RawWebSocket;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Rate limits, the largest frame and slow consumers: one connection's excess never costs the others. */
@QuarkusTest
class ConnectionLimitsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-lim", "doctor");
    final Actor patient = Actor.of(tenant, "pat-lim", "patient");

    @Test
    void framesAboveTheRateAreRefusedUnprocessedAndTheConnectionStays() throws Exception {
        createSession(his, "chatty", "consultation", "pat-lim:patient", "dr-lim:doctor");
        Device phone = Device.connect(server, patient);
        try {
            // Cheap pings empty the bucket (burst 40, 20 per second), then sends find it empty.
            int pings = 100;
            int sends = 20;
            for (int i = 0; i < pings; i++) {
                phone.send("{\"type\":\"ping\",\"id\":\"p-" + i + "\"}");
            }
            for (int i = 0; i < sends; i++) {
                phone.send("{\"type\":\"send\",\"sessionId\":\"chatty\",\"clientMsgId\":\"m-" + i
                        + "\",\"msgType\":\"text\",\"content\":{\"text\":\"" + i + "\"}}");
            }
            int acks = 0;
            int limited = 0;
            for (int i = 0; i < pings + sends; i++) {
                JsonNode answer = phone.next();
                switch (answer.get("type").asText()) {
                    case "ack" -> acks++;
                    case "pong" -> {
                    }
                    default -> {
                        assertThat(answer.get("code").asText()).isEqualTo("RATE_LIMITED");
                        assertThat(answer.get("ref").asText()).matches("[pm]-[0-9]+");
                        limited++;
                    }
                }
            }
            assertThat(limited).as("frames beyond the burst of 40").isGreaterThan(pings + sends - 40 - 40);
            assertThat(acks).as("refused sends are not stored").isLessThan(sends);
            his.req().get("/api/v1/sessions/chatty").then().body("lastSeq", org.hamcrest.Matchers.equalTo(acks));

            // Once the bucket refills, the same connection is served again.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                phone.send("{\"type\":\"ping\",\"id\":\"later\"}");
                return "pong".equals(phone.next().get("type").asText());
            });
        } finally {
            phone.close();
        }
    }

    @Test
    void aFrameAboveTheLargestSizeClosesTheConnectionWith1009() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocketClientConnection connection = BasicWebSocketConnector.create().baseUri(server).path("/ws")
                .addHeader("Authorization", "Bearer " + patient.token())
                .onClose((c, reason) -> closed.complete(reason.getCode())).connectAndAwait();
        connection.sendTextAndAwait("{\"type\":\"ping\",\"id\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void aSingleFrameAboveTheLargestSizeClosesWith1009Too() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(server, patient.token())) {
            raw.sendSingleFrame("{\"type\":\"ping\",\"id\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(raw.readUntilClosed(Duration.ofSeconds(10)).closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aDeviceThatStopsReadingIsDisconnectedAndTheOthersKeepReceiving() throws Exception {
        createSession(his, "busy", "consultation", "pat-lim:patient", "dr-lim:doctor");
        Device doctorPhone = Device.connect(server, doctor);
        double evictedBefore = slowConsumersEvicted();
        try (RawWebSocket stalled = RawWebSocket.connect(server, patient.token())) {
            // Rounds of parallel sends until the stalled socket's kernel buffers (a few MB) and then its frame
            // queue are full and the server gives up on it.
            HttpRequest send = HttpRequest.newBuilder(server.resolve("/api/v1/sessions/busy/messages"))
                    .header("Authorization", "Bearer " + doctor.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"text\",\"content\":{\"text\":\"" + "x".repeat(15_000) + "\"}}"))
                    .build();
            int sent = 0;
            while (slowConsumersEvicted() == evictedBefore && sent < 2000) {
                List<CompletableFuture<HttpResponse<Void>>> round = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    round.add(HTTP.sendAsync(send, HttpResponse.BodyHandlers.discarding()));
                }
                for (CompletableFuture<HttpResponse<Void>> response : round) {
                    assertThat(response.get().statusCode()).isEqualTo(201);
                }
                sent += 50;
            }
            assertThat(slowConsumersEvicted()).isEqualTo(evictedBefore + 1);
            // Frames of parallel sends may pass each other; each seq comes exactly once all the same.
            Set<Long> seqs = new TreeSet<>();
            for (int i = 0; i < sent; i++) {
                seqs.add(doctorPhone.next().get("seq").asLong());
            }
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, sent).boxed().toList());
            RawWebSocket.Drained drained = stalled.readUntilClosed(Duration.ofSeconds(30));
            assertThat(drained.messageFrames()).as("the stalled device got only part").isLessThan(sent);
            assertThat(drained.closeCode()).isEqualTo(CloseCode.SLOW_CONSUMER.code());
        } finally {
            doctorPhone.close();
        }
    }

    private static double slowConsumersEvicted() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port).get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("careline_ws_slow_consumers_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).sum();
    }
}
