package io.careline.common.config;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** How often each node looks for consultations and support rooms waiting past their first-response target. */
@ConfigMapping(prefix = "careline.service-levels")
public interface ServiceLevelConfig {
    /** Between two scans; an overdue item escalates at most this late. */
    @WithDefault("30s")
    Duration scanInterval();

    /** False on nodes that must not scan (tests drive the scans themselves). */
    @WithDefault("true")
    boolean scansEnabled();

    /** Most items one scan escalates; the rest wait for the next. */
    @WithDefault("200")
    int scanBatch();

    /** Skips the scheduled scans where {@link #scansEnabled()} is false. */
    @ApplicationScoped
    class ScansDisabled implements Scheduled.SkipPredicate {
        @Inject
        ServiceLevelConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.scansEnabled();
        }
    }
}
