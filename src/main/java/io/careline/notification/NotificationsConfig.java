package io.careline.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Limits of a send, room subscriptions, and the background work of delivery receipts and expiry. */
@ConfigMapping(prefix = "careline.notifications")
public interface NotificationsConfig {
    /** Largest metadata object, as UTF-8 JSON. */
    @WithDefault("4096")
    @Min(2)
    @Max(65536)
    int maxMetadataBytes();

    /** Most recipients one send may expand to; more is refused, nothing stored. */
    @WithDefault("20000")
    @Min(1)
    int maxRecipients();

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
