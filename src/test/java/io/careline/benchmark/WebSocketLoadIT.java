package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket load tool: two Careline nodes (the packaged application twice, sharing MariaDB and Redis),
 * N devices in pairs with real JWTs, each pair's devices on different nodes so that every message crosses
 * Redis, chat traffic at a fixed rate. Prints connect time and failures, server RSS, ack and end-to-end
 * latency, messages/s achieved, lost and duplicated counts, and the CPU of each process. Not a timed
 * test: it fails only if a message is lost or duplicated. Run with {@code ./mvnw verify -Pload}; sizes
 * via -Dbench.ws.* (docs/benchmarks.md).
 */
@Tag("load")
class WebSocketLoadIT {
    private static final int PAIRS = Integer.getInteger("bench.ws.pairs", 10_000);
    private static final int RATE = Integer.getInteger("bench.ws.rate", 5_000);
    private static final int SECONDS = Integer.getInteger("bench.ws.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.ws.warmup", 60);
    private static final int WORKERS = Integer.getInteger("bench.ws.workers", 2);
    private static final String NODE_HEAP = System.getProperty("bench.ws.heap", "512m");

    /** The first worker to start or finish its measured phase counts these down. */
    private final CountDownLatch measuring = new CountDownLatch(1);
    private final CountDownLatch measured = new CountDownLatch(1);

    @Test
    void holdConnectionsAndDeliverChatTraffic() throws Exception {
        String tenant = Tokens.freshTenant();
        Map<String, String> env = Map.of("QUARKUS_THREAD_POOL_MAX_THREADS", System.getProperty("bench.ws.threads", "200"));
        List<String> jvm = WorkerProcess.nodeOptions(NODE_HEAP);
        try (PackagedApp nodeA = PackagedApp.start(env, jvm); PackagedApp nodeB = PackagedApp.start(env, jvm)) {
            createSessions(nodeA, Actor.of(tenant, "his", "service"), PAIRS);
            ProcessCpu cpu = new ProcessCpu(Map.of("node A", nodeA.process().pid(), "node B", nodeB.process().pid(),
                    "MariaDB", ProcessCpu.pidOf("mariadbd"), "Redis", ProcessCpu.pidOf("redis-server")));
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = daemon(() -> sampleRss(nodeA, nodeB, peakRss));

            List<CompletableFuture<JsonNode>> results = new ArrayList<>();
            int pairsPerWorker = PAIRS / WORKERS;
            for (int w = 0; w < WORKERS; w++) {
                WorkerProcess worker = startWorker(w, tenant, nodeA, nodeB, w * pairsPerWorker, pairsPerWorker);
                results.add(worker.result());
                cpu.add("load tool " + w, worker.pid());
            }
            measuring.await(30, TimeUnit.MINUTES);
            cpu.start();
            int gcMarkA = GcPauses.mark(nodeA.log());
            int gcMarkB = GcPauses.mark(nodeB.log());
            long rssConnected = rss(nodeA) + rss(nodeB);
            measured.await(30, TimeUnit.MINUTES);
            cpu.stop();
            System.out.printf("[load] measured phase: node A %s; node B %s%n", GcPauses.since(nodeA.log(), gcMarkA),
                    GcPauses.since(nodeB.log(), gcMarkB));
            List<JsonNode> reports = new ArrayList<>();
            for (CompletableFuture<JsonNode> result : results) {
                reports.add(result.get(5, TimeUnit.MINUTES));
            }
            sampler.interrupt();
            printServerCounters("node A", nodeA);
            printServerCounters("node B", nodeB);
            report(reports, rssConnected, peakRss.get(), cpu, storedMessages(tenant));
        }
    }

    /** The p2p sessions {@code load-0…} of the load workers' pairs: patient {@code la-n}, doctor {@code lb-n}. */
    static void createSessions(PackagedApp node, Actor his, int pairs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Semaphore window = new Semaphore(32);
        List<CompletableFuture<HttpResponse<Void>>> creates = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            window.acquire();
            String body = "{\"id\":\"load-" + pair + "\",\"type\":\"p2p\",\"participants\":[{\"userId\":\"la-" + pair
                    + "\",\"role\":\"patient\"},{\"userId\":\"lb-" + pair + "\",\"role\":\"doctor\"}]}";
            creates.add(http.sendAsync(HttpRequest.newBuilder(node.api("/api/v1/sessions"))
                    .header("Authorization", "Bearer " + his.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> window.release()));
        }
        for (CompletableFuture<HttpResponse<Void>> create : creates) {
            assertThat(create.get().statusCode()).isEqualTo(201);
        }
    }

    private WorkerProcess startWorker(int index, String tenant, PackagedApp nodeA, PackagedApp nodeB, int firstPair,
            int pairs) throws IOException {
        String nodes = nodeA.api("/") + (Boolean.getBoolean("bench.ws.oneNode") ? "" : "," + nodeB.api("/"));
        return WorkerProcess.start(index, Map.of("tenant", tenant, "nodes", nodes, "firstPair", firstPair,
                "pairs", pairs, "rate", RATE / WORKERS, "warmupSeconds", WARMUP_SECONDS, "seconds", SECONDS,
                "firstAddress", 2 + index * 10), marker -> {
                    if (marker.startsWith("[load-measuring]")) {
                        measuring.countDown();
                    } else if (marker.startsWith("[load-measured]")) {
                        measured.countDown();
                    }
                });
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sampleRss(PackagedApp nodeA, PackagedApp nodeB, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(rss(nodeA) + rss(nodeB), Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long rss(PackagedApp node) {
        return ProcessCpu.rss(node.process().pid());
    }

    /** The node's own view: fan-out and delivery counters from its /q/metrics. */
    private static void printServerCounters(String name, PackagedApp node) throws Exception {
        String counters = node.metrics().lines().filter(line -> line.startsWith("careline_fanout_")
                || line.startsWith("careline_ws_frames_") || line.startsWith("careline_ws_slow")
                || line.startsWith("careline_messages_accepted_total")
                || line.startsWith("careline_messages_group_size_count")
                || line.startsWith("careline_messages_group_size_sum")
                || line.startsWith("careline_ws_delivery_latency_seconds_count")
                || line.startsWith("careline_ws_delivery_latency_seconds_sum")
                || line.startsWith("careline_ws_delivery_latency_seconds_max"))
                .map(line -> line.replace("_total", "")).collect(java.util.stream.Collectors.joining(", "));
        System.out.println("[load] " + name + ": " + counters);
    }

    private static long storedMessages(String tenant) throws Exception {
        return count("SELECT COUNT(*) FROM messages WHERE tenant_id = ?", tenant);
    }

    /** A count of the load's rows, straight from the database the nodes share. */
    static long count(String sql, String tenant) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + PackagedApp.DATABASE, "root", "");
                PreparedStatement count = db.prepareStatement(sql)) {
            count.setString(1, tenant);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void report(List<JsonNode> reports, long rssConnected, long rssPeak, ProcessCpu cpu, long stored) {
        Histogram connect = merged(reports, "connect");
        Histogram ack = merged(reports, "ack");
        Histogram endToEnd = merged(reports, "endToEnd");
        long connections = sum(reports, "connections");
        long measured = sum(reports, "measuredMessages");
        double seconds = reports.stream().mapToDouble(r -> r.get("measuredSeconds").asDouble()).max().orElse(1);
        double connectSeconds = reports.stream().mapToDouble(r -> r.get("connectSeconds").asDouble()).max().orElse(0);
        System.out.printf("%n[load] %d connections (2 nodes, %d load processes): connected in %.1f s, %d failed;"
                + " connect p50 %s, p99 %s, max %s%n", connections, reports.size(), connectSeconds,
                sum(reports, "connectFailures"), ms(connect, 50), ms(connect, 99), ms(connect, 100));
        System.out.printf("[load] server RSS holding them: %d MB (both nodes, peak %d MB during traffic)%n",
                rssConnected >> 20, rssPeak >> 20);
        System.out.printf("[load] traffic: %d msg/s asked for %d s; %.0f msg/s sent, %.0f msg/s acknowledged and"
                + " delivered 1:1; %d sends refused while measuring%n", RATE, SECONDS, measured / seconds,
                sum(reports, "measuredDelivered") / seconds, sum(reports, "measuredErrors"));
        System.out.printf("[load] ack latency p50 %s, p99 %s, max %s; end-to-end p50 %s, p99 %s, max %s%n",
                ms(ack, 50), ms(ack, 99), ms(ack, 100), ms(endToEnd, 50), ms(endToEnd, 99), ms(endToEnd, 100));
        System.out.printf("[load] sent %d, acknowledged %d, received %d, lost %d, duplicated %d, error frames %d (warm-up included);"
                + " stored %d%n", sum(reports, "sent"), sum(reports, "acked"), sum(reports, "received"),
                sum(reports, "lost"), sum(reports, "duplicates"), sum(reports, "errors"), stored);
        System.out.println("[load] CPU while measuring (100 % = one core; the machine has "
                + Runtime.getRuntime().availableProcessors() + "): " + cpu.summary());
        assertThat(sum(reports, "lost")).isZero();
        assertThat(sum(reports, "duplicates")).isZero();
        assertThat(stored).isEqualTo(sum(reports, "acked"));
    }

    static long sum(List<JsonNode> reports, String field) {
        return reports.stream().mapToLong(r -> r.get(field).asLong()).sum();
    }

    static Histogram merged(List<JsonNode> reports, String field) {
        Histogram merged = new Histogram(60_000_000L, 3);
        for (JsonNode report : reports) {
            try {
                merged.add(Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(report.get(field).asText())), 0));
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return merged;
    }

    static String ms(Histogram micros, double percentile) {
        return String.format("%.1f ms", micros.getValueAtPercentile(percentile) / 1000.0);
    }
}
