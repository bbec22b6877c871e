package io.careline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.support.Actor;
import io.careline.support.Conversations;
import io.careline.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 4_000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.concurrency", 64);

    @TestHTTPResource("/api/v1/sessions/")
    URI sessionsUri;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void restSendThroughput() throws Exception {
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
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int session = i % SESSIONS;
            Actor sender = senders.get(2 * session + (i / SESSIONS) % 2);
            HttpRequest request = HttpRequest.newBuilder(sessionsUri.resolve("bench-" + session + "/messages"))
                    .header("Authorization", "Bearer " + sender.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"text\",\"content\":{\"text\":\"bench message " + i + "\"},\"clientMsgId\":\""
                                    + phase + "-" + i + "\"}"))
                    .build();
            window.acquire();
            int index = i;
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = (System.nanoTime() - sent) / 1_000;
                if (error != null || response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
                window.release();
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%n[benchmark] REST send %s: %d messages into %d sessions from %d users, %d in flight%n",
                phase, count, SESSIONS, senders.size(), IN_FLIGHT);
        System.out.printf("[benchmark]   throughput %.0f messages/s persisted; latency p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; failures %d%n", count / seconds, latencies[count / 2] / 1000.0,
                latencies[(int) (count * 0.99)] / 1000.0, latencies[count - 1] / 1000.0, failures.get());
        assertThat(failures.get()).isZero();
        return latencies;
    }
}
