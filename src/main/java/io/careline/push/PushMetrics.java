package io.careline.push;

import io.careline.push.model.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-channel push results and latency, exported on the management port at /q/metrics. */
@ApplicationScoped
@Startup
public class PushMetrics {
    private static final List<String> RESULTS = List.of("sent", "retried", "dead", "skipped");

    /** Looked up once: a worker records a result per push, thousands a second. */
    private final Map<String, Counter> attempts = new HashMap<>();
    private final Map<Channel, Timer> latencies = new EnumMap<>(Channel.class);

    PushMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            for (String result : RESULTS) {
                attempts.put(channel.wire() + "/" + result, Counter.builder("careline.push.attempts")
                        .description("Push attempts by channel and result").tag("channel", channel.wire())
                        .tag("result", result).register(registry));
            }
            latencies.put(channel, Timer.builder("careline.push.latency")
                    .description("From a push's cause to the provider accepting it").tag("channel", channel.wire())
                    .publishPercentiles(0.5, 0.99).register(registry));
        }
    }

    /** One attempt's result: sent, retried, dead or skipped. */
    public void attempt(Channel channel, String result) {
        attempts.get(channel.wire() + "/" + result).increment();
    }

    /** From the push's cause being stored to the provider accepting it. */
    public void delivered(Channel channel, Duration sinceCause) {
        latencies.get(channel).record(sinceCause);
    }
}
