package io.careline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * One load-generating process of {@link NodeLossIT}: connects its devices to the first node and syncs them, then,
 * as a client app does when its connection drops, reconnects each dropped device to the second node after a
 * random delay of up to {@code load.jitterMillis} and syncs it from the last nseq it holds. It prints
 * {@code [load-connected]} once every device is synced on the first node, and its {@code [load-result]} JSON once
 * every device is back, synced and holds notification nseq 1 (sent while they were away), or
 * {@code load.giveUpSeconds} after the first drop. Times are measured from this process's first drop.
 */
public final class FailoverWorker {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Connections per loopback source address, far below the ephemeral port range of one address. */
    private static final int CONNECTIONS_PER_ADDRESS = 4000;

    private final String tenant = System.getProperty("load.tenant");
    private final List<URI> nodes = Arrays.stream(System.getProperty("load.nodes").split(",")).map(URI::create)
            .toList();
    private final int firstDevice = Integer.getInteger("load.firstDevice");
    private final int count = Integer.getInteger("load.devices");
    private final int firstAddress = Integer.getInteger("load.firstAddress");
    private final int connectsInFlight = Integer.getInteger("load.connectsInFlight", 200);
    private final int jitterMillis = Integer.getInteger("load.jitterMillis", 1000);
    private final int giveUpSeconds = Integer.getInteger("load.giveUpSeconds", 60);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final List<String> tokens = IntStream.range(0, count).parallel()
            .mapToObj(i -> Tokens.of(tenant, "loss-" + (firstDevice + i), "patient")).toList();
    private final Device[] devices = new Device[count];
    private final CountDownLatch firstSynced = new CountDownLatch(count);
    private final AtomicLong firstDropAt = new AtomicLong();
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final AtomicInteger reconnectAttempts = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Map<String, Integer> errorCodes = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
    private final List<WebSocketClient> clients = new ArrayList<>();
    private final Semaphore window = new Semaphore(connectsInFlight);

    public static void main(String[] args) throws Exception {
        new FailoverWorker().run();
        System.exit(0);
    }

    /** One device: where it is connected and what it has received. */
    private final class Device {
        final int index;
        volatile int node;
        volatile long lastNseq;
        volatile long backAt;
        final AtomicInteger notifications = new AtomicInteger();

        Device(int index) {
            this.index = index;
        }

        void connect() {
            window.acquireUninterruptibly();
            URI target = nodes.get(node);
            clients.get(node * addresses() + index / CONNECTIONS_PER_ADDRESS).connect(new WebSocketConnectOptions()
                    .setHost(target.getHost()).setPort(target.getPort()).setURI("/ws")
                    .putHeader("Authorization", "Bearer " + tokens.get(index))).onComplete(connected -> {
                        window.release();
                        if (connected.failed()) {
                            retry(connected.cause());
                            return;
                        }
                        WebSocket socket = connected.result();
                        socket.textMessageHandler(text -> onFrame(socket, text));
                        socket.closeHandler(closed -> dropped(socket.closeStatusCode() == null ? -1
                                : socket.closeStatusCode()));
                    });
        }

        private void retry(Throwable cause) {
            if (node == 0) {
                if (connectFailures.incrementAndGet() == 1) {
                    System.err.println("first connect failure: " + cause);
                }
                firstSynced.countDown();
                return;
            }
            reconnectAttempts.incrementAndGet();
            vertx.setTimer(250, timer -> vertx.executeBlocking(() -> {
                connect();
                return null;
            }, false));
        }

        private void onFrame(WebSocket socket, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                errorCodes.merge("unparsable", 1, Integer::sum);
                return;
            }
            switch (frame.path("type").asText()) {
                case "welcome" -> socket.writeTextMessage(node == 0 ? "{\"type\":\"sync\",\"id\":\"first\"}"
                        : "{\"type\":\"sync\",\"id\":\"resume\",\"afterNseq\":" + lastNseq + "}");
                case "synced" -> {
                    if (node == 0) {
                        firstSynced.countDown();
                    } else if (backAt == 0) {
                        backAt = System.currentTimeMillis();
                    }
                }
                case "notification" -> {
                    long nseq = frame.get("nseq").asLong();
                    // A client drops an nseq it already holds (docs/protocol.md); count such repeats apart.
                    if (nseq <= lastNseq) {
                        duplicates.incrementAndGet();
                    } else {
                        lastNseq = nseq;
                        notifications.incrementAndGet();
                    }
                }
                case "error" -> {
                    errorCodes.merge(frame.path("code").asText(), 1, Integer::sum);
                    if (frame.path("retryable").asBoolean() && "resume".equals(frame.path("ref").asText())) {
                        // As a client does with a retryable refusal (OVERLOADED while the node takes the crowd).
                        vertx.setTimer(100 + ThreadLocalRandom.current().nextInt(400), timer -> socket.writeTextMessage(
                                "{\"type\":\"sync\",\"id\":\"resume\",\"afterNseq\":" + lastNseq + "}"));
                    }
                }
                default -> {
                    // welcome, presence and pongs are not part of the measurement
                }
            }
        }

        private void dropped(short code) {
            if (node != 0) {
                // The surviving node closed it (a slow consumer, say): reconnect to it, as a client does.
                closeCodes.merge((int) code, 1, Integer::sum);
                retry(null);
                return;
            }
            firstDropAt.compareAndSet(0, System.currentTimeMillis());
            node = 1;
            long delay = 1 + ThreadLocalRandom.current().nextInt(Math.max(1, jitterMillis));
            vertx.setTimer(delay, timer -> vertx.executeBlocking(() -> {
                connect();
                return null;
            }, false));
        }
    }

    private int addresses() {
        return (count + CONNECTIONS_PER_ADDRESS - 1) / CONNECTIONS_PER_ADDRESS;
    }

    private void run() throws Exception {
        for (int node = 0; node < nodes.size(); node++) {
            for (int address = 0; address < addresses(); address++) {
                clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                        .setLocalAddress("127.0.0." + (firstAddress + node * addresses() + address))
                        .setMaxConnections(CONNECTIONS_PER_ADDRESS).setConnectTimeout(30_000)));
            }
        }
        System.out.println("[load-connecting]");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            devices[i] = new Device(i);
            devices[i].connect();
        }
        firstSynced.await();
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        System.out.println("[load-connected] " + (count - connectFailures.get()));

        while (firstDropAt.get() == 0) { // until the test kills the first node
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long deadline = firstDropAt.get() + TimeUnit.SECONDS.toMillis(giveUpSeconds);
        while (System.currentTimeMillis() < deadline
                && Arrays.stream(devices).anyMatch(d -> d.backAt == 0 || d.lastNseq < 1)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long[] back = Arrays.stream(devices).filter(d -> d.backAt > 0).mapToLong(d -> d.backAt - firstDropAt.get())
                .sorted().toArray();
        ObjectNode result = JSON.createObjectNode().put("devices", count).put("connectSeconds", connectSeconds)
                .put("connectFailures", connectFailures.get()).put("back", back.length)
                .put("reconnectAttempts", reconnectAttempts.get()).put("firstDropAt", firstDropAt.get())
                .put("lastBackAt", Arrays.stream(devices).mapToLong(d -> d.backAt).max().orElse(0))
                .put("backP50Millis", percentile(back, 50)).put("backP99Millis", percentile(back, 99))
                .put("backMaxMillis", percentile(back, 100))
                .put("withoutNotification", Arrays.stream(devices).filter(d -> d.lastNseq < 1).count())
                .put("notifications", Arrays.stream(devices).mapToInt(d -> d.notifications.get()).sum())
                .put("duplicates", duplicates.get()).put("errors", errorCodes.toString())
                .put("closedByTheOtherNode", closeCodes.toString());
        System.out.println("[load-result] " + result);
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
