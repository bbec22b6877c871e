package io.careline.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a verified token may be reused without checking its signature again. */
@ConfigMapping(prefix = "careline.security")
public interface SecurityConfig {
    /**
     * Most verified tokens remembered per node; 0 turns the cache off. At least the devices a node holds, so
     * that a reconnect storm re-verifies no token: a connected device keeps its token's claims anyway.
     */
    @WithDefault("25000")
    int verifiedTokenCacheSize();

    /** Longest a verified token is remembered; never past its own expiry. */
    @WithDefault("5M")
    Duration verifiedTokenCacheTtl();
}
