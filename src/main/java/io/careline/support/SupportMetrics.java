package io.careline.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** How long customers wait for an agent and for the first reply, as histograms on /q/metrics. */
@ApplicationScoped
@Startup
public class SupportMetrics {
    private final Timer wait;
    private final Timer firstResponse;

    SupportMetrics(MeterRegistry registry) {
        wait = Timer.builder("careline.support.wait").description("From a room starting to wait to an agent taking it")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(registry);
        firstResponse = Timer.builder("careline.support.first.response")
                .description("From a room opening to its agent's first reply").publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void waited(Duration duration) {
        wait.record(duration);
    }

    void firstResponse(Duration duration) {
        firstResponse.record(duration);
    }
}
