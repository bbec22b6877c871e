package io.careline.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How sends are written (group commit), summarised in session lists, recalled, edited and forwarded. */
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

    /**
     * How long a sender may recall a message, and edit a text message; admins and hospital systems recall at
     * any time, and cards with a state are edited at any time.
     */
    @WithDefault("24h")
    Duration recallWindow();

    /** Most messages one forward_bundle may carry. */
    @WithDefault("50")
    @Min(1)
    @Max(500)
    int maxForwarded();

    /** Characters of a text message kept as the session's preview (the column holds 200). */
    @WithDefault("100")
    @Min(1)
    @Max(200)
    int previewLength();
}
