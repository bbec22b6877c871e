package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.careline.testing.Actor;
import io.careline.testing.Conversations;
import io.careline.testing.Tokens;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sends text messages over REST into many sessions from many users, with a fixed number of requests in
 * flight, and prints throughput and latency. Not a pass/fail timing test: it only checks that every
 * message was stored. Run with {@code ./mvnw verify -Pbenchmark}; sizes via -Dbench.* system properties.
 */
@QuarkusTest
@Tag("benchmark")
class MessageThroughputBenchmark {
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 200);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 40_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30_000);
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int IN_FLIGHT = Integer.getInteger("bench.concurrency", 32);

    @TestHTTPResource("/")
    URI server;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    private HttpClient http;

    @Test
    void restSendThroughput() throws Exception {
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(server.getHost())
                .setDefaultPort(server.getPort()), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        String tenant = Tokens.freshTenant();
        Actor his = Actor.of(tenant, "his", "service");
        List<Actor> senders = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            Conversations.createSession(his, "bench-" + s, "consultation", "pat-" + s + ":patient",
                    "dr-" + (s % 20) + ":doctor");
            senders.add(Actor.of(tenant, "pat-" + s, "patient"));
            senders.add(Actor.of(tenant, "dr-" + (s % 20), "doctor"));
        }

        run(senders, WARMUP, "warmup");
        long[] latencies = run(senders, MESSAGES, "measure");
        long stored = his.req().get("/api/v1/sessions/bench-0").then().extract().<Integer>path("lastSeq");
        long expectedPerSession = (WARMUP + MESSAGES) / SESSIONS;
        assertThat(stored).isEqualTo(expectedPerSession);
    }

    /** Sends {@code count} messages round-robin over the sessions; returns sorted latencies in microseconds. */
    private long[] run(List<Actor> senders, int count, String phase) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        DistributionSummary groups = registry.get("careline.messages.group.size").summary();
        long groupsBefore = groups.count();
        double sendsBefore = groups.totalAmount();
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int session = i % SESSIONS;
            Actor sender = senders.get(2 * session + (i / SESSIONS) % 2);
            String body = "{\"type\":\"text\",\"content\":{\"text\":\"bench message " + i
                    + "\"},\"clientMsgId\":\"" + phase + "-" + i + "\"}";
            window.acquire();
            int index = i;
            long sent = System.nanoTime();
            http.request(HttpMethod.POST, "/api/v1/sessions/bench-" + session + "/messages")
                    .compose(request -> request.putHeader("Authorization", "Bearer " + sender.token())
                            .putHeader("Content-Type", "application/json")
                            .send(body))
                    .onComplete(result -> {
                        latencies[index] = (System.nanoTime() - sent) / 1_000;
                        if (result.failed() || result.result().statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                        window.release();
                        done.countDown();
                    });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMsPerMessage = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6 / count;
        Arrays.sort(latencies);
        System.out.printf("%n[benchmark] REST send %s: %d messages into %d sessions from %d users, %d in flight%n",
                phase, count, SESSIONS, senders.size(), IN_FLIGHT);
        System.out.printf("[benchmark]   throughput %.0f messages/s persisted; latency p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; failures %d%n", count / seconds, latencies[count / 2] / 1000.0,
                latencies[(int) (count * 0.99)] / 1000.0, latencies[count - 1] / 1000.0, failures.get());
        System.out.printf("[benchmark]   JVM (server and load generator) CPU %.2f ms per message; %d cores%n",
                cpuMsPerMessage, Runtime.getRuntime().availableProcessors());
        System.out.printf("[benchmark]   %d transactions, %.1f sends per transaction on average%n",
                groups.count() - groupsBefore, (groups.totalAmount() - sendsBefore) / (groups.count() - groupsBefore));
        assertThat(failures.get()).isZero();
        return latencies;
    }
}
