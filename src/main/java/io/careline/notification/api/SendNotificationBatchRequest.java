package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Several notifications sent at once, each with its own targets, type, texts and idempotency key. */
@RegisterForReflection
public record SendNotificationBatchRequest(
        @Schema(description = "The notifications, each as the body of POST /api/v1/notifications; each is checked"
                + " on its own and answered at its index") @NotNull @Size(min = 1, max = 500)
        List<@NotNull SendNotificationRequest> items,
        @Schema(description = "true: all items are stored in one transaction, or none is (one refused item aborts"
                + " the others, 424 BATCH_ABORTED); false (default): each item stands on its own")
        Boolean atomic) {
}
