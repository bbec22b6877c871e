package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.common.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How each item of a batch fared, in the request's order, and how many were created, repeated and refused. */
@RegisterForReflection
public record SendNotificationBatchResult(List<Item> items, int created, int existing, int refused) {

    /** One item's answer: what POST /api/v1/notifications would have answered for it alone. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "The item's index in the request") int index,
            @Schema(description = "201 stored, 200 its idempotency key's first notification, else the problem's"
                    + " status") int status,
            @Schema(description = "The stored notification (201, 200)") SendNotificationResult notification,
            @Schema(description = "Why it was refused; nothing of it is stored") Problem problem) {
    }
}
