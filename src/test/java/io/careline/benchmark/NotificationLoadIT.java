package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The notification load tool: two nodes, N patients' devices spread over them. First one notification to
 * all of them (by role): every recipient row stored before the answer, and how long after the answer the
 * last device had it. Then one-to-one notifications over REST at a fixed rate, with every device
 * disconnected and reconnected mid-run (resuming by nseq with {@code sync}): end-to-end latency, lost and
 * duplicated counts. Not a timed test: it fails only if a notification is lost, duplicated or not stored.
 * Run with {@code ./mvnw verify -Pload -Dit.test=NotificationLoadIT}; sizes via -Dbench.notify.*
 * (docs/benchmarks.md).
 */
@Tag("load")
class NotificationLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = Integer.getInteger("bench.notify.users", 10_000);
    private static final int RATE = Integer.getInteger("bench.notify.rate", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.notify.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.notify.warmup", 15);
    private static final String NODE_HEAP = System.getProperty("bench.notify.heap", "512m");
    /** The broadcast's index among the notifications; the one-to-one ones are 0, 1, 2... */
    private static final int BROADCAST = -1;
    private static final int CONNECTIONS_PER_ADDRESS = 4000;

    private final String tenant = Tokens.freshTenant();
    private final String serviceToken = Tokens.of(tenant, "his", "service");
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocket[] devices = new WebSocket[USERS];
    private final List<String> tokens = IntStream.range(0, USERS).parallel()
            .mapToObj(user -> Tokens.of(tenant, userOf(user), "patient")).toList();
    /** Per user, the nseqs their devices hold: a reconnect syncs from the highest without a gap below it. */
    private final List<TreeSet<Long>> held = IntStream.range(0, USERS).mapToObj(u -> new TreeSet<Long>()).toList();
    /** Room for the reconnect phase, which lasts as long as 10,000 devices take to come back. */
    private final int capacity = RATE * (WARMUP_SECONDS + SECONDS + 600);
    private final long[] sentAt = new long[capacity];
    /** Per one-to-one notification: 1 = stored (201), 2 = received, 4 = refused. */
    private final AtomicIntegerArray state = new AtomicIntegerArray(capacity);
    private final AtomicInteger broadcastReceived = new AtomicInteger();
    private final AtomicLong lastBroadcastAt = new AtomicLong();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger resentBySync = new AtomicInteger();
    /** Per user: 1 while their device's resuming sync has not been answered. */
    private final AtomicIntegerArray syncing = new AtomicIntegerArray(USERS);
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger errorFrames = new AtomicInteger();
    private final Map<String, Integer> errorCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Histogram broadcastMicros = new Histogram(60_000_000L, 3);
    private volatile Histogram endToEndMicros = new Histogram(60_000_000L, 3);
    private volatile boolean measuring;
    private final CountDownLatch broadcastDone = new CountDownLatch(USERS);
    private volatile long broadcastStart;

    @Test
    void broadcastThenOneToOneAcrossAReconnectOfEveryDevice() throws Exception {
        Map<String, String> env = Map.of("QUARKUS_THREAD_POOL_MAX_THREADS", "200");
        List<String> options = WorkerProcess.nodeOptions(NODE_HEAP);
        try (PackagedApp nodeA = PackagedApp.start(env, options); PackagedApp nodeB = PackagedApp.start(env, options)) {
            List<URI> nodes = List.of(nodeA.api("/"), nodeB.api("/"));
            long connectStart = System.nanoTime();
            connectAll(nodes, 2, false);
            System.out.printf("[notify] %d devices connected over 2 nodes in %.1f s%n", USERS,
                    (System.nanoTime() - connectStart) / 1e9);
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(200).setKeepAlive(true));
            ProcessCpu cpu = new ProcessCpu(Map.of("node A", nodeA.process().pid(), "node B", nodeB.process().pid(),
                    "MariaDB", ProcessCpu.pidOf("mariadbd"), "Redis", ProcessCpu.pidOf("redis-server")));
            broadcast(http, nodes.get(0));

            int warmup = drive(http, nodes, 0, WARMUP_SECONDS);
            endToEndMicros = new Histogram(60_000_000L, 3);
            measuring = true;
            cpu.start();
            long start = System.nanoTime();
            int steady = drive(http, nodes, warmup, SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu.stop();
            Histogram steadyMicros = endToEndMicros;
            endToEndMicros = new Histogram(60_000_000L, 3);
            // Then every device leaves and comes back while the traffic goes on; they resume by nseq.
            CompletableFuture<Void> reconnect = CompletableFuture.runAsync(() -> reconnectAll(nodes));
            int total = steady;
            while (!reconnect.isDone()) {
                total = drive(http, nodes, total, 1);
            }
            awaitDeliveries(total);
            report(new Phase(warmup, steady, seconds, steadyMicros), total, cpu);
        } finally {
            vertx.close();
        }
    }

    private void broadcast(HttpClient http, URI node) throws Exception {
        long begin = System.nanoTime();
        broadcastStart = begin;
        JsonNode answer = JSON.readTree(post(http, node, "{\"type\":\"exam_result\",\"title\":\"broadcast\","
                + "\"content\":\"to every patient\",\"roles\":[\"patient\"]}").toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS).toString());
        long answered = System.nanoTime();
        boolean all = broadcastDone.await(60, TimeUnit.SECONDS);
        long stored = WebSocketLoadIT.count("SELECT COUNT(*) FROM notification_recipients WHERE tenant_id = ?", tenant);
        System.out.printf("[notify] one notification to %d recipients (%d online): answered in %.0f ms, %d rows"
                + " stored; %d devices had it%s, the last %.0f ms after the answer; delivery p50 %s, p99 %s after"
                + " the request%n", answer.path("recipientCount").asInt(), answer.path("onlineCount").asInt(),
                (answered - begin) / 1e6, stored, broadcastReceived.get(), all ? "" : " (not all within 60 s)",
                (lastBroadcastAt.get() - answered) / 1e6, WebSocketLoadIT.ms(broadcastMicros, 50),
                WebSocketLoadIT.ms(broadcastMicros, 99));
        assertThat(stored).isEqualTo(USERS);
        assertThat(broadcastReceived.get()).isEqualTo(USERS);
    }

    /**
     * Sends {@code RATE} one-to-one notifications a second for {@code duration} seconds, each to the next
     * user. Returns the next notification index.
     */
    private int drive(HttpClient http, List<URI> nodes, int first, int duration) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(first);
        int last = Math.min(capacity, first + RATE * duration);
        long start = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(1);
        vertx.setPeriodic(5, timer -> {
            long due = Math.min(last, first + (System.nanoTime() - start) * RATE / 1_000_000_000L);
            while (next.get() < due) {
                int n = next.getAndIncrement();
                notifyOne(http, nodes.get(n % 2), n);
            }
            if (next.get() >= last) {
                vertx.cancelTimer(timer);
                finished.countDown();
            }
        });
        finished.await();
        return last;
    }

    private void notifyOne(HttpClient http, URI node, int n) {
        sentAt[n] = System.nanoTime();
        post(http, node, "{\"type\":\"appointment\",\"title\":\"" + n + "\",\"content\":\"reminder\","
                + "\"recipients\":[\"" + userOf(n % USERS) + "\"]}").onComplete(answer -> {
                    if (answer.succeeded()) {
                        state.getAndUpdate(n, flags -> flags | 1);
                    } else {
                        state.getAndUpdate(n, flags -> flags | 4);
                        refused.incrementAndGet();
                    }
                });
    }

    /** POSTs a send; fails unless it answers 201. */
    private Future<Buffer> post(HttpClient http, URI node, String body) {
        return http.request(HttpMethod.POST, node.getPort(), node.getHost(), "/api/v1/notifications")
                .compose(request -> request.putHeader("Authorization", "Bearer " + serviceToken)
                        .putHeader("Content-Type", "application/json").send(body))
                .compose(response -> response.body().compose(text -> response.statusCode() == 201
                        ? Future.succeededFuture(text) : Future.failedFuture(response.statusCode() + " " + text)));
    }

    /**
     * Connects every user's device, alternating nodes, from loopback addresses 127.0.0.{firstAddress}...
     * (4,000 connections each, as the WebSocket load tool); a resuming device syncs from its last gapless nseq.
     */
    private void connectAll(List<URI> nodes, int firstAddress, boolean resume) {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int from = 0; from < USERS; from += CONNECTIONS_PER_ADDRESS) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress("127.0.0." + (firstAddress + clients.size()))
                    .setMaxConnections(CONNECTIONS_PER_ADDRESS).setConnectTimeout(60_000)));
        }
        Semaphore window = new Semaphore(200);
        CountDownLatch done = new CountDownLatch(USERS);
        for (int user = 0; user < USERS; user++) {
            window.acquireUninterruptibly();
            int index = user;
            URI node = nodes.get(user % nodes.size());
            clients.get(user / CONNECTIONS_PER_ADDRESS).connect(new WebSocketConnectOptions().setHost(node.getHost())
                    .setPort(node.getPort()).setURI("/ws").putHeader("Authorization", "Bearer " + tokens.get(user)))
                    .onComplete(connected -> {
                        if (connected.succeeded()) {
                            devices[index] = connected.result();
                            connected.result().textMessageHandler(text -> onFrame(index, text));
                            if (resume) {
                                resume(index);
                            }
                        } else {
                            System.err.println("connect failed: " + connected.cause());
                        }
                        window.release();
                        done.countDown();
                    });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Syncs the user's device from the last nseq it holds without a gap below it. */
    private void resume(int user) {
        syncing.set(user, 1);
        devices[user].writeTextMessage("{\"type\":\"sync\",\"id\":\"resume\",\"sessions\":[],\"afterNseq\":"
                + contiguous(user) + "}");
    }

    /** Closes every device, then connects each again and syncs from the last nseq it holds without a gap. */
    private void reconnectAll(List<URI> nodes) {
        long begin = System.nanoTime();
        List<Future<Void>> closed = new ArrayList<>();
        for (WebSocket device : devices) {
            if (device != null) {
                closed.add(device.close());
            }
        }
        Future.join(closed).toCompletionStage().toCompletableFuture().join();
        connectAll(nodes, 12, true);
        System.out.printf("[notify] every device disconnected and reconnected (sync by nseq) in %.1f s%n",
                (System.nanoTime() - begin) / 1e9);
    }

    private void onFrame(int user, String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            errorFrames.incrementAndGet();
            return;
        }
        switch (frame.path("type").asText()) {
            case "notification" -> received(user, frame);
            case "synced" -> syncing.set(user, 0);
            case "error" -> {
                errorFrames.incrementAndGet();
                errorCodes.merge(frame.path("code").asText(), 1, Integer::sum);
                if ("resume".equals(frame.path("ref").asText()) && frame.path("retryable").asBoolean()) {
                    // As docs/protocol.md asks of clients: an overloaded node's refused sync is sent again later.
                    vertx.setTimer(500 + (long) (Math.random() * 1000), timer -> resume(user));
                }
            }
            default -> {
                // welcome, synced and presence are not measured
            }
        }
    }

    private void received(int user, JsonNode frame) {
        long nseq = frame.get("nseq").asLong();
        boolean fresh;
        synchronized (held.get(user)) {
            fresh = held.get(user).add(nseq);
        }
        String title = frame.get("title").asText();
        int n = title.equals("broadcast") ? BROADCAST : Integer.parseInt(title);
        if (!fresh) {
            // A sync from the last gapless nseq may resend what arrived out of order, and the client drops it;
            // anything else held twice is a duplicate.
            (syncing.get(user) == 1 ? resentBySync : duplicates).incrementAndGet();
            return;
        }
        if (n == BROADCAST) {
            broadcastReceived.incrementAndGet();
            long now = System.nanoTime();
            lastBroadcastAt.accumulateAndGet(now, Math::max);
            synchronized (broadcastMicros) {
                broadcastMicros.recordValue((now - broadcastStart) / 1000);
            }
            broadcastDone.countDown();
            return;
        }
        state.getAndUpdate(n, flags -> flags | 2);
        if (measuring) {
            synchronized (endToEndMicros) {
                endToEndMicros.recordValue(Math.max(0, (System.nanoTime() - sentAt[n]) / 1000));
            }
        }
    }

    private long contiguous(int user) {
        synchronized (held.get(user)) {
            long last = 0;
            while (held.get(user).contains(last + 1)) {
                last++;
            }
            return last;
        }
    }

    /** Waits until every notification sent has been answered and received (or refused), or 30 s. */
    private void awaitDeliveries(int total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean pending = false;
            for (int n = 0; n < total && !pending; n++) {
                // neither refused nor both answered and received
                pending = sentAt[n] != 0 && (state.get(n) & 4) == 0 && (state.get(n) & 3) != 3;
            }
            if (!pending) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The steady part of the run: notifications [warmup, steady) sent in {@code seconds}. */
    record Phase(int warmup, int steady, double seconds, Histogram endToEndMicros) {
    }

    private void report(Phase phase, int total, ProcessCpu cpu) throws Exception {
        int stored = 0;
        int lost = 0;
        int unanswered = 0;
        for (int n = 0; n < total; n++) {
            stored += state.get(n) & 1;
            lost += state.get(n) == 1 ? 1 : 0;
            unanswered += (state.get(n) & 5) == 0 ? 1 : 0;
        }
        long rows = WebSocketLoadIT.count("SELECT COUNT(*) FROM notification_recipients WHERE tenant_id = ?", tenant);
        System.out.printf("[notify] one-to-one: %d/s asked for %d s (after %d s warm-up); %.0f/s sent; end-to-end"
                + " (request sent to frame on the device) p50 %s, p99 %s, p99.9 %s, max %s%n", RATE, SECONDS,
                WARMUP_SECONDS, (phase.steady() - phase.warmup()) / phase.seconds(), ms(phase.endToEndMicros(), 50),
                ms(phase.endToEndMicros(), 99), ms(phase.endToEndMicros(), 99.9), ms(phase.endToEndMicros(), 100));
        System.out.printf("[notify] then every device reconnected while %d more were sent: end-to-end p50 %s,"
                + " p99 %s, max %s (those sent to a device away arrive with its sync)%n", total - phase.steady(),
                ms(endToEndMicros, 50), ms(endToEndMicros, 99), ms(endToEndMicros, 100));
        System.out.printf("[notify] %d sent, %d stored (201), %d refused, %d unanswered; lost %d, duplicated %d, resent by a sync"
                + " and dropped by nseq %d, error frames %d %s; recipient rows %d%n", total, stored, refused.get(), unanswered,
                lost, duplicates.get(), resentBySync.get(), errorFrames.get(), errorCodes, rows);
        System.out.println("[notify] CPU of the steady part (100 % = one core): " + cpu.summary());
        assertThat(lost).isZero();
        assertThat(unanswered).isZero();
        assertThat(duplicates.get()).isZero();
        assertThat(rows).isEqualTo(stored + USERS);
    }

    private static String ms(Histogram micros, double percentile) {
        return WebSocketLoadIT.ms(micros, percentile);
    }

    private static String userOf(int user) {
        return "nu-" + user;
    }
}
