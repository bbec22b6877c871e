package io.careline.realtime.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
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

    /**
     * How often a client should send {@code ping} when it has nothing else to send, told in {@code welcome}:
     * it keeps idle connections open through ingresses and load balancers.
     */
    @WithDefault("30s")
    Duration clientPingInterval();

    /**
     * Users renewed (and expired entries swept, or counted online) per Redis round trip, and users whose contacts
     * one query reads when presence changes are announced.
     */
    @WithDefault("500")
    @Min(1)
    int presenceBatch();

    /**
     * Most {@code message} frames one {@code sync} sends, over all its sessions; the sessions it did not
     * finish say {@code hasMore} and the client syncs again. Keep it under {@code max-queued-frames}: the
     * frames of a sync wait in the device's queue like any other, so at most half of it (checked at start).
     */
    @WithDefault("500")
    @Min(1)
    int syncMaxMessages();

    /** Events waiting to be published to the other nodes; beyond it events are dropped (clients sync). */
    @WithDefault("20000")
    @Min(1)
    int fanoutOutboxSize();

    /** Events published to Redis in one pipelined batch. */
    @WithDefault("256")
    @Min(1)
    int fanoutBatchSize();

    /**
     * Longest a published batch waits for Redis before its connection is replaced. Long enough that a node
     * starved of CPU (event loops waited over 4 s at 1,000 msg/s on two cores) keeps its connection; a closed
     * connection is noticed at once anyway, so this only catches half-open ones.
     */
    @WithDefault("10s")
    Duration fanoutBatchTimeout();

    /** Wait before opening a fan-out Redis connection again after it was lost or could not be opened. */
    @WithDefault("1s")
    Duration redisReconnectDelay();

    /** Longest Redis may take to answer the readiness probe's PING. */
    @WithDefault("1s")
    Duration redisReadinessTimeout();

    /** On shutdown, longest wait for the close frames (and the frames queued before them) to be written. */
    @WithDefault("5s")
    Duration drainCloseWait();
}
