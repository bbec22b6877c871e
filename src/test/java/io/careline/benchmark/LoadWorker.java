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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * One load-generating process of {@link WebSocketLoadIT}: holds the two devices of each of its pairs (one
 * on each node, so every message crosses Redis), drives chat traffic between them at a fixed rate, and
 * prints one {@code [load-result]} JSON line. A process of its own because one process may hold at most
 * 20,000 file descriptors here. Configured by -Dload.* system properties ({@link WorkerProcess}); with rate
 * 0 it only connects, as {@link ConnectStormIT} uses it.
 */
public final class LoadWorker {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Connections per loopback source address, far below the ephemeral port range of one address. */
    private static final int CONNECTIONS_PER_ADDRESS = 4000;

    private final String tenant = System.getProperty("load.tenant");
    private final List<URI> nodes = java.util.Arrays.stream(System.getProperty("load.nodes").split(","))
            .map(URI::create).toList();
    private final int worker = Integer.getInteger("load.worker");
    private final int firstPair = Integer.getInteger("load.firstPair");
    private final int pairs = Integer.getInteger("load.pairs");
    private final int rate = Integer.getInteger("load.rate");
    private final int warmupSeconds = Integer.getInteger("load.warmupSeconds");
    private final int seconds = Integer.getInteger("load.seconds");
    private final int firstAddress = Integer.getInteger("load.firstAddress");
    /** Upgrades a process keeps in flight while connecting. */
    private final int connectsInFlight = Integer.getInteger("load.connectsInFlight", 200);
    /** Whether to keep the connections open after the result, until the process is stopped. */
    private final boolean hold = Boolean.getBoolean("load.hold");

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocket[] devices = new WebSocket[2 * pairs];
    private final int capacity = rate * (warmupSeconds + seconds) + rate;
    private final long[] sentAt = new long[capacity];
    /** Per message: 1 = acked, 2 = received, counted with duplicates apart. */
    private final AtomicIntegerArray state = new AtomicIntegerArray(capacity);
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger measuredErrors = new AtomicInteger();
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final Histogram connectMicros = new Histogram(60_000_000L, 3);
    private volatile Histogram ackMicros = new Histogram(60_000_000L, 3);
    private volatile Histogram endToEndMicros = new Histogram(60_000_000L, 3);
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        LoadWorker worker = new LoadWorker();
        worker.run();
        if (worker.hold) {
            Thread.currentThread().join();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        List<String> tokens = IntStream.range(0, 2 * pairs).parallel()
                .mapToObj(device -> Tokens.of(tenant, userOf(device), "patient")).toList();
        System.out.println("[load-connecting]");
        long connectStart = System.nanoTime();
        connectAll(tokens);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.out.println("[load-connected] " + (2 * pairs - connectFailures.get()));

        int warmupMessages = drive(0, warmupSeconds);
        ackMicros = new Histogram(60_000_000L, 3);
        endToEndMicros = new Histogram(60_000_000L, 3);
        measuring = true;
        System.out.println("[load-measuring]");
        long start = System.nanoTime();
        int total = drive(warmupMessages, seconds);
        double measuredSeconds = (System.nanoTime() - start) / 1e9;
        System.out.println("[load-measured]");
        awaitDeliveries(total);

        int acked = 0;
        int received = 0;
        int lost = 0;
        int measuredDelivered = 0;
        for (int n = 0; n < total; n++) {
            int flags = state.get(n);
            acked += flags & 1;
            received += (flags >> 1) & 1;
            lost += flags == 1 ? 1 : 0;
            measuredDelivered += n >= warmupMessages && flags == 3 ? 1 : 0;
        }
        ObjectNode result = JSON.createObjectNode().put("worker", worker).put("connections", 2 * pairs)
                .put("connectFailures", connectFailures.get()).put("connectSeconds", connectSeconds)
                .put("sent", total).put("measuredMessages", total - warmupMessages)
                .put("measuredDelivered", measuredDelivered).put("measuredErrors", measuredErrors.get())
                .put("measuredSeconds", measuredSeconds).put("acked", acked).put("received", received)
                .put("lost", lost).put("duplicates", duplicates.get()).put("errors", errors.get())
                .put("connect", encode(connectMicros)).put("ack", encode(ackMicros))
                .put("endToEnd", encode(endToEndMicros));
        System.out.println("[load-result] " + result);
    }

    private String userOf(int device) {
        return (device % 2 == 0 ? "la-" : "lb-") + (firstPair + device / 2);
    }

    private void connectAll(List<String> tokens) throws InterruptedException {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int from = 0; from < devices.length; from += CONNECTIONS_PER_ADDRESS) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress("127.0.0." + (firstAddress + clients.size()))
                    .setMaxConnections(CONNECTIONS_PER_ADDRESS).setConnectTimeout(30_000)));
        }
        CountDownLatch done = new CountDownLatch(devices.length);
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(connectsInFlight);
        for (int device = 0; device < devices.length; device++) {
            window.acquire();
            int index = device;
            // The two devices of a pair are on different nodes.
            URI node = nodes.get((device + device / 2) % nodes.size());
            long begin = System.nanoTime();
            clients.get(device / CONNECTIONS_PER_ADDRESS).connect(new WebSocketConnectOptions()
                    .setHost(node.getHost()).setPort(node.getPort()).setURI("/ws")
                    .putHeader("Authorization", "Bearer " + tokens.get(device))).onComplete(connected -> {
                        if (connected.succeeded()) {
                            synchronized (connectMicros) {
                                connectMicros.recordValue((System.nanoTime() - begin) / 1000);
                            }
                            devices[index] = connected.result();
                            connected.result().textMessageHandler(this::onFrame);
                        } else if (connectFailures.incrementAndGet() == 1) {
                            System.err.println("first connect failure: " + connected.cause());
                        }
                        window.release();
                        done.countDown();
                    });
        }
        done.await();
    }

    /** Sends {@code rate} messages a second for {@code duration} seconds; returns the next message number. */
    private int drive(int first, int duration) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(first);
        int last = first + rate * duration;
        long start = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(1);
        vertx.setPeriodic(5, timer -> {
            long due = Math.min(last, first + (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (next.get() < due) {
                send(next.getAndIncrement());
            }
            if (next.get() >= last) {
                vertx.cancelTimer(timer);
                finished.countDown();
            }
        });
        finished.await();
        return last;
    }

    private void send(int n) {
        int pair = n % pairs;
        WebSocket sender = devices[2 * pair + (n / pairs) % 2];
        if (sender == null) {
            return;
        }
        sentAt[n] = System.nanoTime();
        sender.writeTextMessage("{\"type\":\"send\",\"sessionId\":\"load-" + (firstPair + pair)
                + "\",\"clientMsgId\":\"" + n + "\",\"msgType\":\"text\",\"content\":{\"text\":\"load " + n + "\"}}");
    }

    private void onFrame(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            errors.incrementAndGet();
            return;
        }
        String type = frame.path("type").asText();
        switch (type) {
            case "ack" -> {
                int n = Integer.parseInt(frame.get("clientMsgId").asText());
                state.getAndUpdate(n, flags -> flags | 1);
                record(ackMicros, n);
            }
            case "message" -> {
                int n = Integer.parseInt(frame.get("clientMsgId").asText());
                if ((state.getAndUpdate(n, flags -> flags | 2) & 2) != 0) {
                    duplicates.incrementAndGet();
                } else {
                    record(endToEndMicros, n);
                }
            }
            case "error" -> {
                errors.incrementAndGet();
                if (measuring) {
                    measuredErrors.incrementAndGet();
                }
            }
            default -> {
                // presence and pongs are not part of the measurement
            }
        }
    }

    private void record(Histogram histogram, int n) {
        if (measuring) {
            synchronized (histogram) {
                histogram.recordValue(Math.max(0, (System.nanoTime() - sentAt[n]) / 1000));
            }
        }
    }

    /** Waits until every message sent has been both acknowledged and received, or 15 s. */
    private void awaitDeliveries(int total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            boolean pending = false;
            for (int n = 0; n < total && !pending; n++) {
                // sentAt stays 0 for a pair whose sender failed to connect: nothing to wait for
                pending = sentAt[n] != 0 && state.get(n) != 3;
            }
            if (!pending) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }
}
