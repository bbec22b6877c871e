package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Losing a node: N devices are connected and synced on node A, A is killed (SIGKILL, no drain), and a notification
 * is sent through node B to every one of them at once. Each device reconnects to B after a random delay of up to
 * a second, as client apps do, and syncs from the last nseq it holds. The tool prints how long after the drop the
 * devices were back and synced on B, and the CPU of B meanwhile. Not a timed test: it fails only if a device did
 * not come back, or came back without the notification. Run with
 * {@code ./mvnw verify -Pload -Dit.test=NodeLossIT} (add -Dnative for the executable); sizes via
 * -Dbench.loss.* (docs/benchmarks.md).
 */
@Tag("load")
class NodeLossIT {
    private static final int DEVICES = Integer.getInteger("bench.loss.devices", 10_000);
    private static final int WORKERS = Integer.getInteger("bench.loss.workers", 2);
    private static final int JITTER_MILLIS = Integer.getInteger("bench.loss.jitterMillis", 1000);
    private static final String NODE_HEAP = System.getProperty("bench.loss.heap", "512m");

    @Test
    void everyDeviceOfAKilledNodeIsBackOnTheOtherWithWhatItMissed() throws Exception {
        String tenant = Tokens.freshTenant();
        Actor his = Actor.of(tenant, "his", "service");
        Map<String, String> env = Map.of("SHUTDOWN_DELAY", "0s", "SHUTDOWN_TIMEOUT", "1s");
        try (PackagedApp nodeA = PackagedApp.start(env, WorkerProcess.nodeOptions(NODE_HEAP));
                PackagedApp nodeB = PackagedApp.start(env, WorkerProcess.nodeOptions(NODE_HEAP))) {
            CountDownLatch connected = new CountDownLatch(WORKERS);
            List<WorkerProcess> workers = new ArrayList<>();
            int perWorker = DEVICES / WORKERS;
            for (int w = 0; w < WORKERS; w++) {
                workers.add(WorkerProcess.start(FailoverWorker.class, w, Map.of("tenant", tenant,
                        "nodes", nodeA.api("/") + "," + nodeB.api("/"), "firstDevice", w * perWorker,
                        "devices", perWorker, "firstAddress", 2 + w * 10, "jitterMillis", JITTER_MILLIS),
                        marker -> {
                            if (marker.startsWith("[load-connected]")) {
                                connected.countDown();
                            }
                        }));
            }
            assertThat(connected.await(30, TimeUnit.MINUTES)).isTrue();
            ProcessCpu cpu = new ProcessCpu(Map.of("node B", nodeB.process().pid(),
                    "MariaDB", ProcessCpu.pidOf("mariadbd"), "Redis", ProcessCpu.pidOf("redis-server")));
            workers.forEach(worker -> cpu.add("load tool " + workers.indexOf(worker), worker.pid()));

            cpu.start();
            int gcMark = GcPauses.mark(nodeB.log());
            long killedAt = System.currentTimeMillis();
            nodeA.kill();
            HttpResponse<String> sent = Http.post(nodeB.api("/api/v1/notifications"), his, "{\"type\":\"exam_result\","
                    + "\"title\":\"while away\",\"content\":\"sent as the node died\",\"roles\":[\"patient\"]}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            List<JsonNode> reports = new ArrayList<>();
            for (WorkerProcess worker : workers) {
                reports.add(worker.result().get(5, TimeUnit.MINUTES));
            }
            cpu.stop();

            long back = WebSocketLoadIT.sum(reports, "back");
            long lastBack = reports.stream().mapToLong(r -> r.get("lastBackAt").asLong()).max().orElse(0);
            System.out.printf("%n[loss] %d devices on the killed node; %d back and synced on the other, the last %.1f s"
                    + " after the kill (p50 %s ms, p99 %s ms after each worker's first drop; reconnects delayed"
                    + " 0-%d ms); %d further reconnects (refused, or dropped by node B); the notification sent"
                    + " meanwhile: %d devices without"
                    + " it, %d repeats dropped by nseq; error frames %s, closed by node B %s; CPU %s; node B: %s%n",
                    DEVICES, back,
                    (lastBack - killedAt) / 1000.0, max(reports, "backP50Millis"), max(reports, "backP99Millis"),
                    JITTER_MILLIS, WebSocketLoadIT.sum(reports, "reconnectAttempts"),
                    WebSocketLoadIT.sum(reports, "withoutNotification"), WebSocketLoadIT.sum(reports, "duplicates"),
                    texts(reports, "errors"), texts(reports, "closedByTheOtherNode"), cpu.summary(),
                    GcPauses.since(nodeB.log(), gcMark));
            assertThat(WebSocketLoadIT.sum(reports, "connectFailures")).isZero();
            assertThat(back).isEqualTo(DEVICES);
            assertThat(WebSocketLoadIT.sum(reports, "withoutNotification")).isZero();
        }
    }

    private static List<String> texts(List<JsonNode> reports, String field) {
        return reports.stream().map(r -> r.get(field).asText()).toList();
    }

    private static long max(List<JsonNode> reports, String field) {
        return reports.stream().mapToLong(r -> r.get(field).asLong()).max().orElse(-1);
    }
}
