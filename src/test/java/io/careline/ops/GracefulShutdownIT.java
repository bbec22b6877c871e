package io.careline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.JdkDevice;
import io.careline.testing.PackagedApp;
import io.careline.testing.RawWebSocket;
import io.careline.testing.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while clients keep sending over REST and WebSocket: readiness drops first, new WebSocket upgrades
 * are refused, open ones are closed with the "reconnect elsewhere" code, the process exits within the grace
 * period, and every message the server acknowledged is stored.
 */
class GracefulShutdownIT {
    private static final int DELAY_SECONDS = 3;
    private static final int TIMEOUT_SECONDS = 10;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sigtermDrainsWithoutLosingAcknowledgedMessages() throws Exception {
        String tenant = Tokens.freshTenant();
        Actor his = Actor.of(tenant, "his", "service");
        Actor doctor = Actor.of(tenant, "dr-s", "doctor");
        Actor patient = Actor.of(tenant, "pat-s", "patient");
        try (PackagedApp app = PackagedApp.start(Map.of("SHUTDOWN_DELAY", DELAY_SECONDS + "s",
                "SHUTDOWN_TIMEOUT", TIMEOUT_SECONDS + "s"))) {
            assertThat(Http.post(app.api("/api/v1/sessions"), his, "{\"id\":\"draining\",\"type\":\"p2p\","
                    + "\"participants\":[{\"userId\":\"dr-s\"},{\"userId\":\"pat-s\",\"role\":\"patient\"}]}")
                    .statusCode()).isEqualTo(201);

            List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(5);
            for (int t = 0; t < 4; t++) {
                senders.submit(() -> {
                    while (sending.get()) {
                        HttpResponse<String> response = send(app, doctor);
                        if (response != null && response.statusCode() == 201) {
                            acknowledged.add(Http.seqOf(response.body()));
                        }
                    }
                });
            }
            JdkDevice patientPhone = JdkDevice.connect(app.api("/"), patient.token());
            JdkDevice doctorPhone = JdkDevice.connect(app.api("/"), doctor.token());
            senders.submit(() -> sendOverWebSocket(doctorPhone, acknowledged));
            await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 50);

            long sigterm = System.nanoTime();
            app.terminate();
            await().atMost(Duration.ofSeconds(DELAY_SECONDS)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.readinessStatus() == 503);
            assertThat(app.process().isAlive()).as("still serving while readiness is down").isTrue();
            assertThatThrownBy(() -> JdkDevice.connect(app.api("/"), patient.token()))
                    .as("no new WebSocket while draining").hasStackTraceContaining("503");
            assertThat(RawWebSocket.refusedUpgrade(app.api("/"), patient.token())).startsWith("HTTP/1.1 503")
                    .containsIgnoringCase("retry-after: 1").contains("\"code\":\"SERVER_DRAINING\"")
                    .contains("\"retryable\":true");

            assertThat(patientPhone.closeCode(Duration.ofSeconds(DELAY_SECONDS + 5))).isEqualTo(4002);
            assertThat(doctorPhone.closeCode(Duration.ofSeconds(5))).isEqualTo(4002);
            boolean exited = app.process().waitFor(DELAY_SECONDS + TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            double drainSeconds = (System.nanoTime() - sigterm) / 1e9;
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("[shutdown] drain took %.2f s (delay %d s, timeout %d s); exit code %d; %d messages"
                    + " acknowledged; WebSockets closed with 4002%n", drainSeconds, DELAY_SECONDS, TIMEOUT_SECONDS,
                    app.process().exitValue(), acknowledged.size());
            assertThat(exited).isTrue();
            assertThat(storedSeqs(tenant)).containsAll(acknowledged);
        }
    }

    /** Sends over the WebSocket (within its rate limit) until the server closes it, noting each ack. */
    private static void sendOverWebSocket(JdkDevice device, List<Integer> acknowledged) {
        try {
            for (int i = 0; !device.isClosed(); i++) {
                device.send("{\"type\":\"send\",\"sessionId\":\"draining\",\"clientMsgId\":\"ws-" + i
                        + "\",\"msgType\":\"text\",\"content\":{\"text\":\"over the socket\"}}");
                acknowledged.add(device.next(Duration.ofSeconds(5), "ack").get("seq").asInt());
                Thread.sleep(100); // stay under the per-connection rate limit
            }
        } catch (Throwable closedMidFrame) {
            // The server closed the socket: a send without its ack was never acknowledged.
        }
    }

    private HttpResponse<String> send(PackagedApp app, Actor doctor) {
        try {
            return http.send(HttpRequest.newBuilder(app.api("/api/v1/sessions/draining/messages"))
                    .header("Authorization", "Bearer " + doctor.token()).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"text\",\"content\":{\"text\":\"during drain\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception refusedOrReset) {
            // After the server stops listening, connections fail: those sends were never acknowledged.
            return null;
        }
    }

    private static List<Integer> storedSeqs(String tenant) throws Exception {
        List<Integer> seqs = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + PackagedApp.DATABASE, "root", "");
                PreparedStatement query = db.prepareStatement(
                        "SELECT m.seq FROM messages m JOIN sessions s ON s.pk = m.session_pk"
                                + " WHERE s.tenant_id = ? AND s.public_id = 'draining'")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getInt(1));
                }
            }
        }
        return seqs;
    }
}
