package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a send produced: the notification, its recipients, and how many of them were online. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendNotificationResult(String notificationId,
        @Schema(description = "Always sent: every recipient row is stored") String status,
        int recipientCount,
        @Schema(description = "Recipients with a live connection on some node; absent when presence is unavailable")
        Integer onlineCount,
        Instant createdAt) {
}
