package io.careline.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.JdkDevice;
import io.careline.testing.LocalRedis;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under two nodes: each keeps delivering to its own devices and reports not ready; when Redis
 * returns, cross-node delivery resumes by itself and {@code sync} closes the gap.
 */
class RedisOutageIT {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-o", "doctor");
    final Actor nurse = Actor.of(tenant, "nurse-o", "nurse");
    final Actor patient = Actor.of(tenant, "pat-o", "patient");

    @Test
    void withoutRedisNodesDeliverLocallyAndCatchUpWhenItReturns() throws Exception {
        try (LocalRedis redis = new LocalRedis();
                PackagedApp nodeA = PackagedApp.start(Map.of("REDIS_HOSTS", redis.url()));
                PackagedApp nodeB = PackagedApp.start(Map.of("REDIS_HOSTS", redis.url()))) {
            assertThat(Http.post(nodeA.api("/api/v1/sessions"), his, "{\"id\":\"outage\",\"type\":\"group\","
                    + "\"participants\":[{\"userId\":\"pat-o\",\"role\":\"patient\"},{\"userId\":\"dr-o\",\"role\":\"doctor\"},"
                    + "{\"userId\":\"nurse-o\",\"role\":\"nurse\"}]}").statusCode()).isEqualTo(201);
            try (JdkDevice nurseOnA = JdkDevice.connect(nodeA.api("/"), nurse.token());
                    JdkDevice patientOnB = JdkDevice.connect(nodeB.api("/"), patient.token())) {
                redis.stop();
                await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.readinessStatus() == 503);

                assertThat(Http.sendText(nodeA, doctor, "outage", "while Redis is away")).isEqualTo(1);
                assertThat(nurseOnA.next("message").get("seq").asLong()).as("same-node delivery").isEqualTo(1);

                redis.start();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> nodeA.readinessStatus() == 200 && nodeB.readinessStatus() == 200);
                assertThat(Http.sendText(nodeA, doctor, "outage", "Redis is back")).isEqualTo(2);
                assertThat(patientOnB.next("message").get("seq").asLong()).as("cross-node again").isEqualTo(2);

                patientOnB.send("{\"type\":\"sync\",\"sessions\":[{\"sessionId\":\"outage\",\"afterSeq\":0}]}");
                assertThat(patientOnB.next("message").get("seq").asLong()).as("the gap, by sync").isEqualTo(1);
                assertThat(patientOnB.next("message").get("seq").asLong()).isEqualTo(2);
                JsonNode synced = patientOnB.next("synced");
                assertThat(synced.at("/sessions/0/lastSeq").asLong()).isEqualTo(2);
            }
        }
    }
}
