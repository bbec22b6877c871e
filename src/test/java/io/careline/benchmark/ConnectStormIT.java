package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Connection capacity of one node: its RSS idle and holding N idle WebSocket connections, and how fast N
 * devices with distinct RS256 tokens connect to it, twice: first contact on a freshly started node (every
 * user new to it), then a reconnect storm (every device at once again on the now warm node, as after the
 * loss of another node). Not a timed test: it fails only if a connection fails. Run with
 * {@code ./mvnw verify -Pload -Dit.test=ConnectStormIT} (add -Dnative for the executable); sizes via
 * -Dbench.storm.* (docs/benchmarks.md).
 */
@Tag("load")
class ConnectStormIT {
    private static final int DEVICES = Integer.getInteger("bench.storm.devices", 18_000);
    private static final int WORKERS = Integer.getInteger("bench.storm.workers", 2);
    private static final int IN_FLIGHT = Integer.getInteger("bench.storm.inFlight", 200);
    private static final String NODE_HEAP = System.getProperty("bench.storm.heap", "512m");

    @Test
    void connectHoldAndReconnectEveryDevice() throws Exception {
        String tenant = Tokens.freshTenant();
        // A short drain, so that the node exits on SIGTERM at the end and a flight recording is written.
        Map<String, String> env = Map.of("SHUTDOWN_DELAY", "0s", "SHUTDOWN_TIMEOUT", "1s");
        try (PackagedApp node = PackagedApp.start(env, WorkerProcess.nodeOptions(NODE_HEAP))) {
            long idle = ProcessCpu.rss(node.process().pid());
            Round first = connect("first contact", node, tenant);
            long holding = ProcessCpu.rss(node.process().pid());
            double heapHolding = metric(node, "jvm_memory_used_bytes{area=\"heap\"");
            first.release(node);
            Round storm = connect("reconnect storm", node, tenant);
            storm.release(node);

            System.out.printf("%n[storm] node RSS idle %d MB; holding %d connections %d MB, %.1f KB per connection%n",
                    idle >> 20, first.connections(), holding >> 20, (holding - idle) / 1024.0 / first.connections());
            System.out.printf("[storm] heap in use holding them: %.0f MB (jvm_memory_used_bytes, area heap; before a GC)%n",
                    heapHolding / (1 << 20));
            first.print();
            storm.print();
            assertThat(first.failures() + storm.failures()).isZero();
            node.terminate();
            node.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the workers, waits until each has connected its devices and measures the node meanwhile. */
    private Round connect(String name, PackagedApp node, String tenant) throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(WORKERS);
        ProcessCpu cpu = new ProcessCpu(Map.of("node", node.process().pid(),
                "MariaDB", ProcessCpu.pidOf("mariadbd"), "Redis", ProcessCpu.pidOf("redis-server")));
        List<WorkerProcess> workers = new ArrayList<>();
        int pairsPerWorker = DEVICES / 2 / WORKERS;
        for (int w = 0; w < WORKERS; w++) {
            workers.add(WorkerProcess.start(w, Map.of("tenant", tenant, "nodes", node.api("/"),
                    "firstPair", w * pairsPerWorker, "pairs", pairsPerWorker, "rate", 0, "warmupSeconds", 0,
                    "seconds", 0, "firstAddress", 2 + w * 10, "connectsInFlight", IN_FLIGHT, "hold", true),
                    marker -> {
                        if (marker.startsWith("[load-connecting]")) {
                            connecting.countDown();
                        } else if (marker.startsWith("[load-connected]")) {
                            connected.countDown();
                        }
                    }));
        }
        for (int w = 0; w < WORKERS; w++) {
            cpu.add("load tool " + w, workers.get(w).pid());
        }
        connecting.await(10, TimeUnit.MINUTES);
        cpu.start();
        connected.await(30, TimeUnit.MINUTES);
        cpu.stop();
        List<JsonNode> reports = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            reports.add(worker.result().get(5, TimeUnit.MINUTES));
        }
        return new Round(name, workers, reports, cpu);
    }

    /** One round of connections: the workers holding them, what they reported and the CPU meanwhile. */
    private record Round(String name, List<WorkerProcess> workers, List<JsonNode> reports, ProcessCpu cpu) {
        long connections() {
            return WebSocketLoadIT.sum(reports, "connections");
        }

        long failures() {
            return WebSocketLoadIT.sum(reports, "connectFailures");
        }

        /** Stops the workers and waits until the node has seen every connection close. */
        void release(PackagedApp node) throws InterruptedException {
            for (WorkerProcess worker : workers) {
                worker.release();
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> metric(node, "careline_ws_connections ") == 0);
        }

        void print() {
            double seconds = reports.stream().mapToDouble(r -> r.get("connectSeconds").asDouble()).max().orElse(0);
            var latency = WebSocketLoadIT.merged(reports, "connect");
            System.out.printf("[storm] %s: %d devices (%d in flight) connected in %.1f s, %.0f connections/s, %d failed;"
                    + " connect p50 %s, p99 %s, max %s; CPU %s; node CPU %.2f ms per connection%n", name, connections(),
                    IN_FLIGHT * WORKERS, seconds, connections() / seconds, failures(), WebSocketLoadIT.ms(latency, 50),
                    WebSocketLoadIT.ms(latency, 99), WebSocketLoadIT.ms(latency, 100), cpu.summary(),
                    cpu.millis("node") / connections());
        }
    }

    /** The sum of the node's metric lines that start with {@code prefix}; fails if there is none. */
    private static double metric(PackagedApp node, String prefix) throws IOException, InterruptedException {
        List<String> lines = node.metrics().lines().filter(line -> line.startsWith(prefix)).toList();
        assertThat(lines).as("metric lines starting with " + prefix).isNotEmpty();
        return lines.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
