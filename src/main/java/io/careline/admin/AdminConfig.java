package io.careline.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The admin console's live figures (docs/console.md). */
@ConfigMapping(prefix = "careline.admin")
public interface AdminConfig {
    /** How often each node samples its meters and publishes the figures; also the window of each figure. */
    @WithDefault("2s")
    Duration figuresInterval();
}
