package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.common.SqlTime;
import io.careline.testing.Actor;
import io.careline.testing.FakeProviders;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The escalation load tool: two packaged nodes, chat traffic on one of them from a {@link LoadWorker}, and N
 * urgent notifications sent alternately through both, each to its own nurse, each climbing a three-step ladder
 * (repeat after 10 s, SMS to the fake Twilio after 20 s, repeat after 30 s). Every tenth nurse acknowledges 15 s
 * after their alert; node B is killed (SIGKILL) 25 s into the alerts, in the middle of the SMS steps. From the
 * database it then reports every step's delay past its due time, steps fired twice or never, steps an
 * acknowledgement should have stopped, and the texts the provider received. It fails if a step is lost,
 * fired twice or fired after an acknowledgement, or a chat message is lost or duplicated; the delays are
 * figures, not assertions. Run with {@code ./mvnw verify -Pload -Dit.test=EscalationLoadIT}; sizes via
 * -Dbench.escalation.* (docs/benchmarks.md).
 */
@Tag("load")
class EscalationLoadIT {
    private static final int ALERTS = Integer.getInteger("bench.escalation.alerts", 1_000);
    private static final int SEND_SECONDS = Integer.getInteger("bench.escalation.sendSeconds", 10);
    private static final int CHAT_RATE = Integer.getInteger("bench.escalation.chatRate", 1_000);
    private static final int PAIRS = Integer.getInteger("bench.escalation.pairs", 500);
    private static final int CHAT_WARMUP_SECONDS = Integer.getInteger("bench.escalation.chatWarmup", 30);
    private static final String NODE_HEAP = System.getProperty("bench.escalation.heap", "512m");
    private static final int[] STEP_SECONDS = { 10, 20, 30 };
    private static final int ACK_EVERY = 10;
    private static final int ACK_AFTER_SECONDS = 15;
    private static final int KILL_AFTER_SECONDS = 25;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String tenant = Tokens.freshTenant();
    private final Actor his = Actor.of(tenant, "his", "service");
    private final CountDownLatch chatMeasuring = new CountDownLatch(1);

    @Test
    void everyStepFiresOnceInTimeAcrossTwoNodesUnderChatAndANodeKill() throws Exception {
        FakeProviders providers = FakeProviders.get();
        Map<String, String> env = Map.of("SMALLRYE_CONFIG_LOCATIONS", FakeProviders.nodeConfig(Map.of(
                "careline.push.lease", "10s")).toString());
        List<String> jvm = WorkerProcess.nodeOptions(NODE_HEAP);
        try (PackagedApp a = PackagedApp.start(env, jvm); PackagedApp b = PackagedApp.start(env, jvm)) {
            prepare(a);
            WebSocketLoadIT.createSessions(a, his, PAIRS);
            // Chat only on node A: node B is killed, and the chat is the load, not the subject.
            WorkerProcess chat = WorkerProcess.start(0, Map.of("tenant", tenant, "nodes", a.api("/").toString(),
                    "firstPair", 0, "pairs", PAIRS, "rate", CHAT_RATE, "warmupSeconds", CHAT_WARMUP_SECONDS,
                    "seconds", SEND_SECONDS + STEP_SECONDS[2] + 10, "firstAddress", 2), marker -> {
                        if (marker.startsWith("[load-measuring]")) {
                            chatMeasuring.countDown();
                        }
                    });
            ProcessCpu cpu = new ProcessCpu(Map.of("node A", a.process().pid(), "node B", b.process().pid(),
                    "MariaDB", ProcessCpu.pidOf("mariadbd"), "Redis", ProcessCpu.pidOf("redis-server"),
                    "chat tool", chat.pid()));
            assertThat(chatMeasuring.await(10, TimeUnit.MINUTES)).as("the chat load started").isTrue();
            providers.reset();
            cpu.start();

            ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
            List<CompletableFuture<Integer>> acks = new ArrayList<>();
            Instant start = Instant.now();
            later.schedule(() -> killQuietly(b), KILL_AFTER_SECONDS, TimeUnit.SECONDS);
            Semaphore window = new Semaphore(64);
            List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                long due = start.toEpochMilli() + (long) i * SEND_SECONDS * 1000 / ALERTS;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait); // pacing the load, not waiting for a result
                }
                window.acquire();
                int nurse = i;
                CompletableFuture<HttpResponse<String>> sent = HTTP.sendAsync(post(i % 2 == 0 ? a : b,
                        "/api/v1/notifications", his.token(), "{\"recipients\":[\"n-" + i + "\"],\"type\":\"system_alert\","
                                + "\"title\":\"Bed " + i + " lactate 4.2\",\"content\":\"Sepsis screen positive\","
                                + "\"escalationPolicyId\":\"ladder\"}"), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> window.release());
                sends.add(sent);
                if (i % ACK_EVERY == 0) {
                    CompletableFuture<Integer> ack = new CompletableFuture<>();
                    acks.add(ack);
                    sent.thenAccept(response -> later.schedule(() -> acknowledge(a, nurse, response, ack),
                            ACK_AFTER_SECONDS, TimeUnit.SECONDS));
                }
            }
            for (CompletableFuture<HttpResponse<String>> sent : sends) {
                assertThat(sent.get().statusCode()).as(sent.get().body()).isEqualTo(201);
            }
            for (CompletableFuture<Integer> ack : acks) {
                assertThat(ack.get(2, TimeUnit.MINUTES)).isEqualTo(200);
            }
            awaitLadders(Duration.ofSeconds(STEP_SECONDS[2] + 90));
            awaitOutbox(Duration.ofSeconds(90));
            cpu.stop();
            JsonNode chatReport = chat.result().get(5, TimeUnit.MINUTES);
            later.shutdownNow();
            report(start, providers, cpu, chatReport);
        }
    }

    /** The nurses with their phones, and the ladder. */
    private void prepare(PackagedApp node) throws Exception {
        Semaphore window = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            window.acquire();
            puts.add(HTTP.sendAsync(put(node, "/api/v1/users/n-" + i, his.token(), "{\"role\":\"nurse\",\"phone\":\""
                    + phone(i) + "\"}"), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> window.release()));
        }
        for (CompletableFuture<HttpResponse<String>> put : puts) {
            assertThat(put.get().statusCode()).as(put.get().body()).isEqualTo(201);
        }
        HttpResponse<String> policy = HTTP.send(put(node, "/api/v1/escalation-policies/ladder",
                Tokens.of(tenant, "admin", "admin"), "{\"steps\":[{\"afterSeconds\":" + STEP_SECONDS[0]
                        + ",\"action\":\"repeat\"},{\"afterSeconds\":" + STEP_SECONDS[1] + ",\"action\":\"sms\"},"
                        + "{\"afterSeconds\":" + STEP_SECONDS[2] + ",\"action\":\"repeat\"}]}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
    }

    private static String phone(int nurse) {
        return String.format("+1555%07d", nurse);
    }

    private void acknowledge(PackagedApp node, int nurse, HttpResponse<String> sent, CompletableFuture<Integer> done) {
        String id = sent.body().replaceAll(".*\"notificationId\":\"([^\"]+)\".*", "$1");
        HTTP.sendAsync(post(node, "/api/v1/notifications/" + id + "/ack", Tokens.of(tenant, "n-" + nurse, "nurse"),
                "{}"), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> done.complete(failure == null ? response.statusCode() : -1));
    }

    private static void killQuietly(PackagedApp node) {
        try {
            node.kill();
            System.out.printf("[escalation] node B killed (SIGKILL) %d s into the alerts%n", KILL_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(Instant start, FakeProviders providers, ProcessCpu cpu, JsonNode chat) throws Exception {
        Histogram lateness = new Histogram(3_600_000L, 3);
        Map<String, Integer> firedBy = new TreeMap<>();
        Map<String, Integer> timerStates = new TreeMap<>();
        long late = 0;
        try (Connection db = database(); PreparedStatement timers = db.prepareStatement(
                "SELECT state, due_at, fired_at, fired_by FROM escalation_timers WHERE tenant_id = ?")) {
            timers.setString(1, tenant);
            try (ResultSet row = timers.executeQuery()) {
                while (row.next()) {
                    timerStates.merge(row.getString(1), 1, Integer::sum);
                    if ("FIRED".equals(row.getString(1))) {
                        long millis = Duration.between(SqlTime.fromText(row.getString(2)),
                                SqlTime.fromText(row.getString(3))).toMillis();
                        lateness.recordValue(Math.max(0, millis));
                        late += millis > 2_000 ? 1 : 0;
                        firedBy.merge(row.getString(4), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Integer> stepLines = escalatedLines();
        int acked = (ALERTS + ACK_EVERY - 1) / ACK_EVERY;
        // Acknowledged nurses may have step 1 (when it fired before their acknowledgement) and nothing after it.
        long expected = (long) (ALERTS - acked) * STEP_SECONDS.length;
        long twice = stepLines.values().stream().filter(count -> count > 1).count();
        long afterAck = stepLines.keySet().stream().filter(key -> acknowledged(key) && !key.endsWith(" 1")).count();
        long firstStepsBeforeAck = stepLines.keySet().stream().filter(key -> acknowledged(key)).count();
        long missed = expected - stepLines.keySet().stream().filter(key -> !acknowledged(key)).count();
        Map<String, Integer> texts = new HashMap<>();
        providers.accepted.stream().filter(accepted -> accepted.channel().equals("sms"))
                .forEach(accepted -> texts.merge(accepted.token(), 1, Integer::sum));
        long textsMissing = 0;
        long textsToAcknowledged = 0;
        for (int i = 0; i < ALERTS; i++) {
            boolean wanted = i % ACK_EVERY != 0;
            textsMissing += wanted && !texts.containsKey(phone(i)) ? 1 : 0;
            textsToAcknowledged += !wanted && texts.containsKey(phone(i)) ? 1 : 0;
        }
        long textsAgain = texts.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
        Histogram endToEnd = WebSocketLoadIT.merged(List.of(chat), "endToEnd");

        System.out.printf("%n[escalation] %d urgent alerts in %d s over two nodes (every %dth acknowledged after %d s),"
                + " ladder repeat %d s / sms %d s / repeat %d s; node B killed at %d s%n", ALERTS, SEND_SECONDS,
                ACK_EVERY, ACK_AFTER_SECONDS, STEP_SECONDS[0], STEP_SECONDS[1], STEP_SECONDS[2], KILL_AFTER_SECONDS);
        System.out.printf("[escalation] steps of unacknowledged ladders expected %d, fired %d; acknowledged ladders:"
                + " %d first steps fired before the acknowledgement, %d steps after it; fired twice %d, never %d"
                + " (timers %s, fired by node %s)%n", expected, expected - missed, firstStepsBeforeAck, afterAck,
                twice, missed, timerStates, firedBy.values());
        System.out.printf("[escalation] fired after their due time: p50 %d ms, p99 %d ms, max %d ms; later than 2 s: %d%n",
                lateness.getValueAtPercentile(50), lateness.getValueAtPercentile(99), lateness.getMaxValue(), late);
        System.out.printf("[escalation] texts: %d received for %d wanted; missing %d, to acknowledged nurses %d, sent"
                + " again after the kill (a lease ran out) %d%n", texts.values().stream().mapToInt(c -> c).sum(),
                ALERTS - acked, textsMissing, textsToAcknowledged, textsAgain);
        System.out.printf("[escalation] chat on node A: %.0f msg/s measured, e2e p50 %s, p99 %s; lost %d, duplicated %d%n",
                chat.get("measuredDelivered").asLong() / chat.get("measuredSeconds").asDouble(),
                WebSocketLoadIT.ms(endToEnd, 50), WebSocketLoadIT.ms(endToEnd, 99), chat.get("lost").asLong(),
                chat.get("duplicates").asLong());
        System.out.printf("[escalation] CPU from the first alert to the last step (100 %% = one core): %s; ran %d s%n",
                cpu.summary(), Duration.between(start, Instant.now()).toSeconds());
        assertThat(missed).as("steps never fired").isZero();
        assertThat(twice).as("steps fired twice").isZero();
        assertThat(afterAck).as("steps fired after an acknowledgement").isZero();
        assertThat(textsMissing).as("texts that never reached the provider").isZero();
        assertThat(textsToAcknowledged).as("texts to nurses who had acknowledged").isZero();
        assertThat(chat.get("lost").asLong()).isZero();
        assertThat(chat.get("duplicates").asLong()).isZero();
    }

    /** How many {@code escalated} lines each "nurse step" has (the nurse is the recipient: one alert each). */
    private Map<String, Integer> escalatedLines() throws Exception {
        Map<String, Integer> lines = new HashMap<>();
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT user_id, detail FROM notification_log WHERE tenant_id = ? AND action = 'ESCALATED'")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String step = row.getString(2).replaceAll("^step (\\d+):.*", "$1");
                    lines.merge(row.getString(1) + " " + step, 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    private static boolean acknowledged(String nurseStep) {
        return Integer.parseInt(nurseStep.substring(2, nurseStep.indexOf(' '))) % ACK_EVERY == 0;
    }

    /** Waits until no step of the run is waiting any more (each fired or stopped). */
    private void awaitLadders(Duration atMost) throws Exception {
        awaitZero("SELECT COUNT(*) FROM escalation_timers WHERE tenant_id = ? AND state = 'WAITING'", atMost,
                "escalation steps still waiting");
    }

    /** Waits until every push of the run (the texts) has left. */
    private void awaitOutbox(Duration atMost) throws Exception {
        awaitZero("SELECT COUNT(*) FROM push_outbox WHERE tenant_id = ? AND state IN ('QUEUED', 'SENDING')", atMost,
                "pushes still waiting");
    }

    private void awaitZero(String count, Duration atMost, String what) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long left = -1;
        while (System.nanoTime() < deadline) {
            try (Connection db = database(); PreparedStatement select = db.prepareStatement(count)) {
                select.setString(1, tenant);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    left = row.getLong(1);
                }
            }
            if (left == 0) {
                return;
            }
            Thread.sleep(500); // polling the database for the run to finish
        }
        throw new AssertionError(what + ": " + left);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + PackagedApp.DATABASE, "root", "");
    }

    private static HttpRequest post(PackagedApp node, String path, String token, String body) {
        return HttpRequest.newBuilder(node.api(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest put(PackagedApp node, String path, String token, String body) {
        return HttpRequest.newBuilder(node.api(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
