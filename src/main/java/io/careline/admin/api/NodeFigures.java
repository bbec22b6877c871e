package io.careline.admin.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One node's live figures over its last sampling interval, from the same meters /q/metrics exports; the
 * latency percentiles and the success rate are null when nothing happened in the interval.
 */
@RegisterForReflection
@Schema(description = "A node's figures over its last sampling interval (careline.admin.figures-interval)")
public record NodeFigures(
        String node,
        Instant sampledAt,
        int connections,
        @Schema(description = "careline_messages_accepted_total per second") double messagesPerSecond,
        @Schema(description = "careline_notifications_sent_total per second") double notificationsPerSecond,
        @Schema(description = "careline_ws_frames_delivered_total per second") double framesDeliveredPerSecond,
        @Schema(description = "careline_ws_delivery_latency_seconds, 50th percentile, in ms") Double deliveryLatencyP50Ms,
        @Schema(description = "careline_ws_delivery_latency_seconds, 99th percentile, in ms") Double deliveryLatencyP99Ms,
        @Schema(description = "careline_push_attempts_total per second") double pushAttemptsPerSecond,
        @Schema(description = "Share of push attempts that were sent (0..1)") Double pushSuccessRate,
        @Schema(description = "careline_fanout_backlog: events waiting to be published to the other nodes")
        int fanoutBacklog,
        @Schema(description = "careline_fanout_publish_failures_total per second") double fanoutFailuresPerSecond) {
}
