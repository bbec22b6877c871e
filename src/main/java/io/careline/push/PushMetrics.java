package io.careline.push;

import io.careline.push.model.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Per-channel push results and latency, exported on the management port at /q/metrics. */
@ApplicationScoped
@Startup
public class PushMetrics {
    private final MeterRegistry registry;

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            for (String result : new String[] { "sent", "retried", "dead", "skipped" }) {
                counter(channel, result);
            }
            latency(channel);
        }
    }

    /** One attempt's result: sent, retried, dead or skipped. */
    void attempt(Channel channel, String result) {
        counter(channel, result).increment();
    }

    /** From the push's cause being stored to the provider accepting it. */
    void delivered(Channel channel, Duration sinceCause) {
        latency(channel).record(sinceCause);
    }

    private Counter counter(Channel channel, String result) {
        return Counter.builder("careline.push.attempts").description("Push attempts by channel and result")
                .tag("channel", channel.wire()).tag("result", result).register(registry);
    }

    private Timer latency(Channel channel) {
        return Timer.builder("careline.push.latency").description("From a push's cause to the provider accepting it")
                .tag("channel", channel.wire()).publishPercentiles(0.5, 0.99).register(registry);
    }
}
