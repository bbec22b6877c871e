package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The support-desk load tool: one packaged node, a desk with 10,000 waiting rooms, then the queue list of
 * that desk timed alone, then 200 agents at once, each looping "read the head of the queue, claim one of its
 * rooms at random" until the queue is empty. Every claim's latency is recorded, winners and 409s alike.
 * Checked afterwards in the database: every room claimed exactly once (one CLAIMED event, one agent member).
 * Not a timed test: it fails only if a room is lost or claimed twice. Run with
 * {@code ./mvnw verify -Pload -Dit.test=SupportLoadIT}; sizes via -Dbench.support.* (docs/benchmarks.md).
 */
@Tag("load")
class SupportLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROOMS = Integer.getInteger("bench.support.rooms", 10_000);
    private static final int AGENTS = Integer.getInteger("bench.support.agents", 200);
    private static final int QUEUE_READS = Integer.getInteger("bench.support.queue-reads", 500);
    /** How far into the queue's head an agent picks a room: the rows a desk screen shows. */
    private static final int HEAD = Integer.getInteger("bench.support.head", 50);
    /** {@code next}: agents take the next room ({@code POST /queue/claim}); {@code pick}: a random one of the head. */
    private static final String MODE = System.getProperty("bench.support.mode", "next");
    /** Each agent claims at most once per this many milliseconds (0: as fast as answers come). */
    private static final long PACE_MILLIS = Long.getLong("bench.support.pace-ms", 0);
    /** More options for the node's JVM, e.g. a flight recording: -XX:StartFlightRecording=… */
    private static final String JVM_OPTIONS = System.getProperty("bench.support.jvm", "");
    private static final String DESK = "bench";

    private final String tenant = Tokens.freshTenant();
    private final String admin = Tokens.of(tenant, "admin", "admin");
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    private final Histogram claimMicros = new ConcurrentHistogram(60_000_000L, 3);
    private final Histogram queueMicros = new ConcurrentHistogram(60_000_000L, 3);
    private final Histogram busyQueueMicros = new ConcurrentHistogram(60_000_000L, 3);
    private final AtomicInteger won = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private PackagedApp node;

    @Test
    void twoHundredAgentsClaimTenThousandRoomsEachExactlyOnce() throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (!JVM_OPTIONS.isBlank()) {
            jvm.addAll(List.of(JVM_OPTIONS.split(" ")));
        }
        try (PackagedApp app = PackagedApp.start(Map.of(), jvm)) {
            node = app;
            seed();
            timeQueueReads();
            long started = System.nanoTime();
            claimEverything();
            double seconds = (System.nanoTime() - started) / 1e9;
            print(seconds);
            assertEveryRoomClaimedOnce();
        }
    }

    private void seed() throws Exception {
        long started = System.nanoTime();
        send("PUT", "/api/v1/users/bench-assistant", admin, "{\"displayName\":\"Assistant\",\"role\":\"agent\"}");
        send("PUT", "/api/v1/support/desks/" + DESK, admin, "{\"name\":\"Bench\",\"assistantId\":\"bench-assistant\","
                + "\"capacity\":1000}");
        parallel(AGENTS, 16, i -> send("PUT", "/api/v1/support/desks/" + DESK + "/agents/" + agent(i), admin, "{}"));
        parallel(ROOMS, 16, i -> send("POST", "/api/v1/support/rooms", Tokens.of(tenant, "customer-" + i, "patient"),
                "{\"deskId\":\"" + DESK + "\"}"));
        System.out.printf("seeded %d agents and %d waiting rooms in %.1f s%n", AGENTS, ROOMS,
                (System.nanoTime() - started) / 1e9);
    }

    /** The queue list of the full desk, one request at a time: its own latency, nothing else running. */
    private void timeQueueReads() throws Exception {
        String token = Tokens.of(tenant, agent(0), "agent");
        for (int i = 0; i < QUEUE_READS; i++) {
            long at = System.nanoTime();
            HttpResponse<String> page = send("GET", "/api/v1/support/queue?deskId=" + DESK + "&limit=" + HEAD, token,
                    null);
            queueMicros.recordValue((System.nanoTime() - at) / 1000);
            assertThat(JSON.readTree(page.body()).get("waiting").asInt()).isEqualTo(ROOMS);
        }
    }

    private void claimEverything() throws Exception {
        ExecutorService agents = Executors.newFixedThreadPool(AGENTS + 1);
        java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            // A supervisor's screen refreshing the queue twice a second the whole time.
            Future<?> supervisor = agents.submit(() -> {
                String token = Tokens.of(tenant, agent(0), "agent");
                while (claiming.get()) {
                    long at = System.nanoTime();
                    send("GET", "/api/v1/support/queue?deskId=" + DESK + "&limit=" + HEAD, token, null);
                    busyQueueMicros.recordValue((System.nanoTime() - at) / 1000);
                    Thread.sleep(500);
                }
                return null;
            });
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String token = Tokens.of(tenant, agent(i), "agent");
                running.add(agents.submit(() -> {
                    claimUntilEmpty(token);
                    return null;
                }));
            }
            for (Future<?> agent : running) {
                agent.get();
            }
            claiming.set(false);
            supervisor.get();
        } finally {
            agents.shutdown();
        }
    }

    private void claimUntilEmpty(String token) throws Exception {
        // Agents start spread over one pace interval, as people who sat down at different moments.
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(PACE_MILLIS + 1) * 1_000_000;
        while (true) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += PACE_MILLIS * 1_000_000;
            if (MODE.equals("next") ? !claimNext(token) : !pickAndClaim(token)) {
                return;
            }
        }
    }

    /** Takes the next room; false once nothing waits. */
    private boolean claimNext(String token) throws Exception {
        long at = System.nanoTime();
        HttpResponse<String> answer = send("POST", "/api/v1/support/queue/claim", token,
                "{\"deskId\":\"" + DESK + "\"}");
        claimMicros.recordValue((System.nanoTime() - at) / 1000);
        return count(answer);
    }

    /** Reads the head of the queue and claims one of its rooms at random; false once nothing waits. */
    private boolean pickAndClaim(String token) throws Exception {
        JsonNode items = JSON.readTree(send("GET", "/api/v1/support/queue?deskId=" + DESK + "&limit=" + HEAD, token,
                null).body()).get("items");
        if (items.isEmpty()) {
            return false;
        }
        String room = items.get(ThreadLocalRandom.current().nextInt(items.size())).get("sessionId").asText();
        long at = System.nanoTime();
        HttpResponse<String> answer = send("POST", "/api/v1/support/rooms/" + room + "/claim", token, null);
        claimMicros.recordValue((System.nanoTime() - at) / 1000);
        return count(answer);
    }

    /** Counts a claim's answer; false when the agent is done (nothing waits, or they hold all they may). */
    private boolean count(HttpResponse<String> answer) {
        switch (answer.statusCode()) {
            case 201 -> won.incrementAndGet();
            case 204 -> {
                return false;
            }
            case 409 -> {
                if (answer.body().contains("AGENT_AT_CAPACITY")) {
                    return false;
                }
                lost.incrementAndGet();
            }
            default -> failed.incrementAndGet();
        }
        return true;
    }

    private void print(double seconds) {
        System.out.printf("queue list of a %d-room desk, alone: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d reads)%n",
                ROOMS, queueMicros.getValueAtPercentile(50) / 1000.0, queueMicros.getValueAtPercentile(99) / 1000.0,
                queueMicros.getMaxValue() / 1000.0, queueMicros.getTotalCount());
        System.out.printf("queue list read by one supervisor while %d agents claim: p50 %.1f ms, p99 %.1f ms%n", AGENTS,
                busyQueueMicros.getValueAtPercentile(50) / 1000.0, busyQueueMicros.getValueAtPercentile(99) / 1000.0);
        System.out.printf("%d agents (%s, pace %d ms) claimed %d rooms in %.1f s (%.0f claims/s won, %d lost races,"
                + " %d failed)%n", AGENTS, MODE, PACE_MILLIS, won.get(), seconds, won.get() / seconds, lost.get(),
                failed.get());
        System.out.printf("claim latency (won and lost): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                claimMicros.getValueAtPercentile(50) / 1000.0, claimMicros.getValueAtPercentile(99) / 1000.0,
                claimMicros.getMaxValue() / 1000.0);
    }

    private void assertEveryRoomClaimedOnce() throws SQLException {
        assertThat(failed.get()).as("claims answered other than 201 or 409").isZero();
        assertThat(won.get()).isEqualTo(ROOMS);
        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + PackagedApp.DATABASE,
                "root", "")) {
            assertThat(count(db, "SELECT COUNT(*) FROM support_rooms WHERE tenant_id = ? AND state = 'ASSIGNED'"))
                    .isEqualTo(ROOMS);
            assertThat(count(db, """
                    SELECT COUNT(*) FROM (SELECT room_pk FROM support_room_events WHERE tenant_id = ? AND event = 'CLAIMED'
                    GROUP BY room_pk HAVING COUNT(*) = 1) once""")).isEqualTo(ROOMS);
            assertThat(count(db, """
                    SELECT COUNT(*) FROM participants WHERE tenant_id = ? AND role = 'AGENT'
                      AND user_id <> 'bench-assistant'""")).isEqualTo(ROOMS);
        }
    }

    private long count(Connection db, String sql) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.api(path).toString()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500 || !path.endsWith("/claim") && response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** Runs {@code count} calls on {@code threads} threads. */
    private static void parallel(int count, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(pool.submit(() -> {
                    call.run(index);
                    return null;
                }));
            }
            for (Future<?> each : calls) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One seeding call. */
    @FunctionalInterface
    private interface Call {
        void run(int index) throws Exception;
    }

    private static String agent(int index) {
        return "agent-" + index;
    }
}
