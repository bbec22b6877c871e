package io.careline.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Limits of a send, how sends are written, room subscriptions, and the background work of receipts and expiry. */
@ConfigMapping(prefix = "careline.notifications")
public interface NotificationsConfig {
    /** Largest metadata object, as UTF-8 JSON. */
    @WithDefault("4096")
    @Min(2)
    @Max(65536)
    int maxMetadataBytes();

    /**
     * Most recipients one send may have: the users it names and those its groups expand to, together. More is
     * refused (422 LIMIT_EXCEEDED), nothing stored.
     */
    @WithDefault("20000")
    @Min(1)
    int maxRecipients();

    /** Groups of sends written at once per node (group commit, as for messages). */
    @WithDefault("1")
    @Min(1)
    int groupWriters();

    /** Most sends in one group: bounds its statements and the first sender's wait. */
    @WithDefault("100")
    @Min(1)
    @Max(1000)
    int maxGroupSize();

    /**
     * Most sends (batch items included) waiting to be written on a node; a send that would queue beyond it is
     * refused 503 OVERLOADED (retryable) at once, nothing stored.
     */
    @WithDefault("5000")
    @Min(1)
    int maxQueued();

    /** How long a node keeps its copy of a tenant's catalogue; another node's change to it arrives this late. */
    @WithDefault("5s")
    Duration catalogueTtl();

    /** Most rooms one user may be subscribed to. */
    @WithDefault("100")
    @Min(1)
    int maxSubscriptions();

    /** How long a delivery receipt may wait to be written with others (one transaction per batch). */
    @WithDefault("50ms")
    Duration receiptDelay();

    /** Most delivery receipts written in one transaction. */
    @WithDefault("1000")
    @Min(1)
    int receiptBatch();

    /** How often unread copies of expired notifications are marked expired. */
    @WithDefault("30s")
    Duration expirySweep();
}
