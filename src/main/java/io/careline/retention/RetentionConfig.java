package io.careline.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How often every node runs the retention purge, and how many rows one of its transactions purges. */
@ConfigMapping(prefix = "careline.retention")
public interface RetentionConfig {
    /** Between two purge runs on a node; a policy's cutoff moves by a day a day, so an hour is plenty. */
    @WithDefault("1h")
    String purgeInterval();

    /** Rows per purge transaction: short transactions, no long locks beside live traffic. */
    @WithDefault("500")
    @Min(1)
    @Max(10000)
    int batchSize();
}
