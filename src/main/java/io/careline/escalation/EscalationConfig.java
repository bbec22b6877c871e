package io.careline.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often every node looks for escalation steps that fell due. */
@ConfigMapping(prefix = "careline.escalation")
public interface EscalationConfig {
    /** A step fires at most this long after its due time (plus the time to fire those due before it). */
    @WithDefault("1s")
    String pollInterval();
}
