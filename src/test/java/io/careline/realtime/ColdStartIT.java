package io.careline.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.Actor;
import io.careline.testing.Http;
import io.careline.testing.JdkDevice;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A node that has just started takes a crowd at once, as after a rolling deploy or a lost node: 200 devices
 * connect together, and every one is welcomed and synced. It prints how long that took; it fails only for
 * the stall it guards against (a cold node parsing the same HQL 200 times at once synced no device within
 * 20 s), not for a slow machine: 2.4-2.9 s on one two-core machine, about 7 s on a slower one.
 */
class ColdStartIT {
    private static final int DEVICES = 200;
    private static final Duration WITHIN = Duration.ofSeconds(20);

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");

    @Test
    void aFreshNodeWelcomesAndSyncsTwoHundredDevicesAtOnce() throws Exception {
        List<Actor> patients = new ArrayList<>();
        try (PackagedApp earlier = PackagedApp.start(Map.of())) {
            for (int i = 0; i < DEVICES; i++) {
                Actor patient = Actor.of(tenant, "pat-" + i, "patient");
                patients.add(patient);
                String session = "cold-" + i;
                assertThat(Http.post(earlier.api("/api/v1/sessions"), his, "{\"id\":\"" + session
                        + "\",\"type\":\"consultation\",\"participants\":[{\"userId\":\"" + patient.userId()
                        + "\",\"role\":\"patient\"},{\"userId\":\"his\",\"role\":\"service\"}]}").statusCode())
                        .isEqualTo(201);
                Http.sendText(earlier, his, session, "while you were away");
            }
        }
        try (PackagedApp fresh = PackagedApp.start(Map.of())) {
            long start = System.nanoTime();
            List<CompletableFuture<JdkDevice>> opening = patients.stream()
                    .map(patient -> JdkDevice.open(fresh.api("/"), patient.token())).toList();
            List<JdkDevice> devices = new ArrayList<>();
            try {
                for (CompletableFuture<JdkDevice> device : opening) {
                    devices.add(device.join());
                }
                for (JdkDevice device : devices) {
                    device.next(remaining(start), "welcome");
                    device.send("{\"type\":\"sync\",\"id\":\"first\"}");
                }
                for (JdkDevice device : devices) {
                    assertThat(device.next(remaining(start), "synced").at("/sessions/0/lastSeq").asLong())
                            .as("the one unread message was synced").isEqualTo(1);
                }
                System.out.printf("cold start: %d devices welcomed and synced in %d ms%n", DEVICES,
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                devices.forEach(JdkDevice::close);
            }
        }
    }

    private static Duration remaining(long startNanos) {
        return WITHIN.minusNanos(System.nanoTime() - startNanos);
    }
}
