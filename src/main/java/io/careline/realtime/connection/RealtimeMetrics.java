package io.careline.realtime.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Connection and delivery metrics of this node's devices, exported at /q/metrics (docs/operations.md). */
@ApplicationScoped
@Startup // registered at start, so the series exist (at 0) before the first connection
public class RealtimeMetrics {
    private final Counter delivered;
    private final Timer deliveryLatency;
    private final Counter slowConsumers;
    private final Counter rateLimited;
    private final Counter overloaded;

    RealtimeMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        Gauge.builder("careline.ws.connections", connections, ConnectionRegistry::size)
                .description("WebSocket connections open on this node").register(registry);
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
    }

    public void delivered(long acceptedAtMillis) {
        delivered.increment();
        deliveryLatency.record(Math.max(0, System.currentTimeMillis() - acceptedAtMillis),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void slowConsumer() {
        slowConsumers.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void overloaded() {
        overloaded.increment();
    }
}
