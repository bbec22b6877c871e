package io.careline.realtime.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Fan-out metrics between nodes, exported on the management port at /q/metrics (docs/operations.md). */
@ApplicationScoped
@Startup // registered at start, so the series exist (at 0) before the first event
public class FanoutMetrics {
    private final Counter published;
    private final Counter publishFailures;
    private final Counter received;

    FanoutMetrics(MeterRegistry registry, FanoutPublisher publisher) {
        Gauge.builder("careline.fanout.backlog", publisher, FanoutPublisher::backlog).strongReference(true)
                .description("Events waiting to be published to the other nodes").register(registry);
        published = Counter.builder("careline.fanout.published")
                .description("Events published to the other nodes through Redis").register(registry);
        publishFailures = Counter.builder("careline.fanout.publish.failures")
                .description("Events that could not be published to Redis (other nodes' clients catch up by sync)")
                .register(registry);
        received = Counter.builder("careline.fanout.received")
                .description("Events received from other nodes through Redis").register(registry);
    }

    void published(int events) {
        published.increment(events);
    }

    void publishFailed(int events) {
        publishFailures.increment(events);
    }

    void received() {
        received.increment();
    }
}
