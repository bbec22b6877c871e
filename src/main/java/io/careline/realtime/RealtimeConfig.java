package io.careline.realtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of a WebSocket connection and the timing of presence. */
@ConfigMapping(prefix = "careline.realtime")
public interface RealtimeConfig {
    /** Frames a connection may send per second, on average; above it frames are refused with RATE_LIMITED. */
    @WithDefault("20")
    int framesPerSecond();

    /** Frames a connection may send at once after being quiet. */
    @WithDefault("40")
    int frameBurst();

    /** Frames waiting to be written to one device; beyond it the device is a slow consumer and disconnected. */
    @WithDefault("1000")
    int maxQueuedFrames();

    /**
     * Longest a send, sync or read frame may wait for a worker thread; one that waited longer is answered
     * OVERLOADED unprocessed, so that an overloaded node sheds work instead of answering ever later.
     */
    @WithDefault("2s")
    Duration maxQueueWait();

    /** Longest a crashed node's users still count as online; keep it over twice the heartbeat. */
    @WithDefault("30s")
    Duration presenceTtl();

    /** How often each node renews the presence of its connected users and sweeps expired presence. */
    @WithDefault("10s")
    Duration presenceHeartbeat();
}
