package io.careline.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Real-time delivery metrics, exported on the management port at /q/metrics (docs/operations.md). */
@ApplicationScoped
@Startup // registered at start, so the series exist (at 0) before the first connection
public class RealtimeMetrics {
    private final Counter delivered;
    private final Timer deliveryLatency;
    private final Counter slowConsumers;
    private final Counter rateLimited;
    private final Counter overloaded;
    private final Counter published;
    private final Counter publishFailures;
    private final Counter received;

    RealtimeMetrics(MeterRegistry registry, ConnectionRegistry connections, FanoutPublisher publisher) {
        Gauge.builder("careline.ws.connections", connections, ConnectionRegistry::size)
                .description("WebSocket connections open on this node").register(registry);
        Gauge.builder("careline.fanout.backlog", publisher, FanoutPublisher::backlog).strongReference(true)
                .description("Events waiting to be published to the other nodes").register(registry);
        delivered = Counter.builder("careline.ws.frames.delivered")
                .description("Event frames written to devices on this node").register(registry);
        deliveryLatency = Timer.builder("careline.ws.delivery.latency")
                .description("From accepting an event (storing a message) to writing its frame to a device")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        slowConsumers = Counter.builder("careline.ws.slow.consumers")
                .description("Devices disconnected because they did not read their frames").register(registry);
        rateLimited = Counter.builder("careline.ws.frames.rate.limited")
                .description("Client frames refused with RATE_LIMITED").register(registry);
        overloaded = Counter.builder("careline.ws.frames.overloaded")
                .description("Client frames refused with OVERLOADED after waiting too long for a worker thread")
                .register(registry);
        published = Counter.builder("careline.fanout.published")
                .description("Events published to the other nodes through Redis").register(registry);
        publishFailures = Counter.builder("careline.fanout.publish.failures")
                .description("Events that could not be published to Redis (other nodes' clients catch up by sync)")
                .register(registry);
        received = Counter.builder("careline.fanout.received")
                .description("Events received from other nodes through Redis").register(registry);
    }

    void delivered(long acceptedAtMillis) {
        delivered.increment();
        deliveryLatency.record(Math.max(0, System.currentTimeMillis() - acceptedAtMillis),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void slowConsumer() {
        slowConsumers.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void overloaded() {
        overloaded.increment();
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
