package io.careline.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How sends are written (group commit) and how a message is summarised in session lists. */
@ConfigMapping(prefix = "careline.messages")
public interface MessagesConfig {
    /**
     * Groups of sends written at once per node. One measured the same REST throughput as two, and under
     * WebSocket load larger groups, less database CPU and a lower p99 (docs/benchmarks.md).
     */
    @WithDefault("1")
    @Min(1)
    int groupWriters();

    /** Most sends in one group: bounds its statements (their IN lists) and the first sender's wait. */
    @WithDefault("64")
    @Min(1)
    @Max(1000)
    int maxGroupSize();

    /** Characters of a text message kept as the session's preview (the column holds 200). */
    @WithDefault("100")
    @Min(1)
    @Max(200)
    int previewLength();
}
