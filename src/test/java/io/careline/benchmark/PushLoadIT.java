package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.SqlTime;
import io.careline.testing.FakeProviders;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The push load tool: two packaged nodes drain one outbox to the local FCM and APNs servers ({@link
 * FakeProviders}, in this JVM). Every second a hospital system sends an urgent notification to all N patients
 * (half on Android/FCM, half on iOS/APNs): N pushes a second. Halfway, one node is killed with SIGKILL; its
 * leased pushes run out and the other node sends them again with the same idempotency key. At the end every
 * outbox row of the run must be sent and every push id must have reached the fake provider: lost and
 * duplicated (after the provider's dedup by key) are both 0, or the tool fails. Not a timed test.
 * Run with {@code ./mvnw verify -Pload -Dit.test=PushLoadIT}; sizes via -Dbench.push.* (docs/benchmarks.md).
 */
@Tag("load")
class PushLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = Integer.getInteger("bench.push.devices", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.push.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.push.warmup", 5);
    private static final String NODE_HEAP = System.getProperty("bench.push.heap", "512m");
    /**
     * What queues the pushes: {@code notification} (an urgent notification to every patient, the whole path),
     * or {@code outbox} (the tool writes the rows a cause would, one per device, so only the outbox's drain
     * through the channels is measured).
     */
    private static final String SOURCE = System.getProperty("bench.push.source", "notification");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern QUANTILE = Pattern.compile(
            "careline_push_latency_seconds\\{channel=\"(fcm|apns)\",quantile=\"(0\\.5|0\\.99)\",?\\} ([0-9.E-]+)");

    private final String tenant = Tokens.freshTenant();
    private final String serviceToken = Tokens.of(tenant, "his", "service");

    @Test
    void twoNodesDrainTheOutboxAndAKilledNodeLosesAndDuplicatesNothing() throws Exception {
        FakeProviders providers = FakeProviders.get();
        Map<String, String> env = nodeEnvironment();
        try (PackagedApp a = PackagedApp.start(env, List.of("-Xmx" + NODE_HEAP));
                PackagedApp b = PackagedApp.start(env, List.of("-Xmx" + NODE_HEAP))) {
            List<PackagedApp> nodes = List.of(a, b);
            register(nodes);
            System.out.printf("%d devices registered (%d FCM, %d APNs)%n", DEVICES, (DEVICES + 1) / 2, DEVICES / 2);

            for (int second = 0; second < WARMUP_SECONDS; second++) {
                broadcastAndPace(a, "warmup-" + second, System.nanoTime());
            }
            awaitDrained(Duration.ofSeconds(120));
            providers.reset();
            long measuredFrom = countRows();

            long start = System.nanoTime();
            int killedAt = SECONDS / 2;
            int sentByBothNodes = 0;
            for (int second = 0; second < SECONDS; second++) {
                if (second == killedAt) {
                    sentByBothNodes = providers.accepted.size();
                    b.kill();
                    System.out.printf("second %d: node B killed (SIGKILL)%n", second);
                }
                broadcastAndPace(second < killedAt ? nodes.get(second % 2) : a, "run-" + second,
                        start + second * 1_000_000_000L);
            }
            int sentDuringRun = providers.accepted.size();
            double runSeconds = (System.nanoTime() - start) / 1e9;
            long drainStart = System.nanoTime();
            awaitDrained(Duration.ofSeconds(180));
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            Set<String> rows = pushIds(measuredFrom);
            Map<String, Integer> byKey = new HashMap<>();
            providers.accepted.forEach(accepted -> byKey.merge(accepted.key(), 1, Integer::sum));
            long lost = rows.stream().filter(id -> !byKey.containsKey(id)).count();
            long resent = byKey.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
            long foreign = byKey.keySet().stream().filter(key -> !rows.contains(key)).count();
            // A true duplicate: one notification reaching one device under two different keys (not deduplicable).
            Map<String, Set<String>> keysByDelivery = new HashMap<>();
            providers.accepted.forEach(accepted -> keysByDelivery.computeIfAbsent(accepted.token() + " "
                    + notificationOf(accepted), k -> new HashSet<>()).add(accepted.key()));
            long duplicated = keysByDelivery.values().stream().filter(keys -> keys.size() > 1).count();
            String metrics = a.metrics();
            System.out.printf("%d pushes queued in %d s (%d a second asked; waiting pushes to one device merge); "
                    + "%d reached the providers during the run, the rest within %.1f s after it%n", rows.size(),
                    SECONDS, DEVICES, sentDuringRun, drainSeconds);
            System.out.printf("two nodes: %.0f pushes/s for %d s; one node after the kill: %.0f pushes/s%n",
                    sentByBothNodes / (double) killedAt, killedAt,
                    (sentDuringRun - sentByBothNodes) / (runSeconds - killedAt));
            System.out.printf("node A cause-to-provider latency: %s%n", latencies(metrics));
            System.out.printf("lost: %d, duplicated (one notification to one device under two keys): %d, sent again "
                    + "with the same key (the provider drops these): %d, unknown keys: %d%n", lost, duplicated, resent,
                    foreign);
            assertThat(lost).as("queued pushes that never reached a provider").isZero();
            assertThat(duplicated).as("notifications that reached a device twice").isZero();
            assertThat(foreign).as("provider deliveries that no outbox row asked for").isZero();
            assertThat(states()).as("outbox states of the run").containsOnlyKeys("SENT");
        }
    }

    /** One push to every device of the tenant, then waits for the next second. */
    private void broadcastAndPace(PackagedApp node, String key, long dueNanos) throws Exception {
        if (SOURCE.equals("outbox")) {
            queueDirectly(key);
        } else {
            notifyAll(node, key);
        }
        long wait = dueNanos + 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000); // pacing the load, not waiting for a result
        }
    }

    /** The rows a new consultation would queue for each device (due now, no coalescing), in one statement. */
    private void queueDirectly(String key) throws SQLException {
        String now = SqlTime.text(java.time.Instant.now());
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO push_outbox (tenant_id, user_id, device_pk, channel, push_id, cause, cause_ref, template,
                  fields, priority, state, due_at, created_at)
                SELECT tenant_id, user_id, pk, provider, UUID(), 'consultation', ?, 'consultation', '{}', 'urgent',
                  'QUEUED', ?, ? FROM push_devices WHERE tenant_id = ?""")) {
            insert.setString(1, key);
            insert.setString(2, now);
            insert.setString(3, now);
            insert.setString(4, tenant);
            insert.executeUpdate();
        }
    }

    private void notifyAll(PackagedApp node, String key) throws Exception {
        String body = JSON.writeValueAsString(Map.of("roles", List.of("patient"), "type", "system_alert",
                "title", "Load", "content", "Load", "priority", "urgent", "idempotencyKey", key));
        HttpResponse<String> sent = HTTP.send(request(node, "/api/v1/notifications", serviceToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    private void register(List<PackagedApp> nodes) throws Exception {
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            PackagedApp node = nodes.get(i % 2);
            String user = "load-" + i;
            String profile = JSON.writeValueAsString(Map.of("role", "patient"));
            String device = JSON.writeValueAsString(i % 2 == 0
                    ? Map.of("platform", "android", "provider", "fcm", "token", tenant + "-fcm-" + i, "clientType",
                            "patient")
                    : Map.of("platform", "ios", "provider", "apns", "token", tenant + "-apns-" + i, "clientType",
                            "patient"));
            inFlight.acquire();
            calls.add(HTTP.sendAsync(request(node, "/api/v1/users/" + user, serviceToken)
                    .PUT(HttpRequest.BodyPublishers.ofString(profile)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenCompose(created -> HTTP.sendAsync(request(node, "/api/v1/me/devices/phone",
                            Tokens.of(tenant, user, "patient")).PUT(HttpRequest.BodyPublishers.ofString(device))
                            .build(), HttpResponse.BodyHandlers.ofString()))
                    .whenComplete((response, failure) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.join().statusCode()).isEqualTo(201);
        }
    }

    /** The notification (or, for directly queued rows, the second) a delivery stands for. */
    private static String notificationOf(FakeProviders.Accepted accepted) {
        var ids = "fcm".equals(accepted.channel()) ? accepted.body().path("data") : accepted.body().path("careline");
        return ids.path("notificationId").asText() + ids.path("sessionId").asText();
    }

    private static HttpRequest.Builder request(PackagedApp node, String path, String token) {
        return HttpRequest.newBuilder(node.api(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    /** The nodes' push settings: workers on, the local providers, the test keys of the test profile. */
    private static Map<String, String> nodeEnvironment() throws IOException {
        return Map.of("SMALLRYE_CONFIG_LOCATIONS", FakeProviders.nodeConfig(Map.of("careline.push.poll-interval",
                "100ms", "careline.push.lease", "10s", "careline.push.batch-size", "500")).toString());
    }

    private void awaitDrained(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> states = states();
            if (!states.containsKey("QUEUED") && !states.containsKey("SENDING")) {
                return;
            }
            Thread.sleep(500); // polling the database for the outbox to drain
        }
        throw new AssertionError("the outbox did not drain: " + states());
    }

    private Map<String, Long> states() throws SQLException {
        Map<String, Long> states = new HashMap<>();
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT state, COUNT(*) FROM push_outbox WHERE tenant_id = ? GROUP BY state")) {
            select.setString(1, tenant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return states;
    }

    private long countRows() throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT COALESCE(MAX(pk), 0) FROM push_outbox WHERE tenant_id = ?")) {
            select.setString(1, tenant);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Set<String> pushIds(long afterPk) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT push_id FROM push_outbox WHERE tenant_id = ? AND pk > ?")) {
            select.setString(1, tenant);
            select.setLong(2, afterPk);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + PackagedApp.DATABASE, "root", "");
    }

    private static String latencies(String metrics) {
        List<String> figures = new ArrayList<>();
        Matcher quantile = QUANTILE.matcher(metrics);
        while (quantile.find()) {
            figures.add(quantile.group(1) + " p" + (quantile.group(2).equals("0.5") ? "50" : "99") + " "
                    + Math.round(Double.parseDouble(quantile.group(3)) * 1000) + " ms");
        }
        return figures.isEmpty() ? "not exported" : String.join(", ", figures);
    }
}
