package io.careline.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Input limits that protect storage and fan-out; exceeding one is a 400 or 413 naming the limit. */
@ConfigMapping(prefix = "careline.limits")
public interface LimitsConfig {
    /** Largest message content, in bytes of its compact JSON. */
    @WithDefault("16384")
    int maxContentBytes();

    /** Page size of a list whose request names no {@code limit}. */
    @WithDefault("20")
    @Min(1)
    int defaultPageSize();

    /** Largest page any list endpoint returns. */
    @WithDefault("100")
    int maxPageSize();

    /** Most active participants a session may have. */
    @WithDefault("500")
    int maxParticipants();
}
