package io.careline.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a verified token may be reused without checking its signature again. */
@ConfigMapping(prefix = "careline.security")
public interface SecurityConfig {
    /** Most verified tokens remembered per node; 0 turns the cache off. */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    /** Longest a verified token is remembered; never past its own expiry. */
    @WithDefault("5M")
    Duration verifiedTokenCacheTtl();
}
