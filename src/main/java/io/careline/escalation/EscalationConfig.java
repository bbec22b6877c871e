package io.careline.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How often every node looks for escalation steps that fell due, how many one look fires, and how many at once. */
@ConfigMapping(prefix = "careline.escalation")
public interface EscalationConfig {
    /** A step fires at most this long after its due time (plus the time to fire those due before it). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Steps one poll fires at most before it lets the next poll (on this node or another) take over. */
    @WithDefault("1000")
    @Min(1)
    int maxStepsPerPoll();

    /**
     * Steps fired in one transaction (of one tenant): a commit for each step could not keep up with a burst of
     * alerts (docs/benchmarks.md, "Escalation under load").
     */
    @WithDefault("100")
    @Min(1)
    @Max(1000)
    int stepsPerTransaction();
}
