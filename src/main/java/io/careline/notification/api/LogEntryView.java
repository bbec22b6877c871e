package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.notification.model.LogAction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One transition of the audit trail. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEntryView(String notificationId, String userId, LogAction action, String actorId, Instant at,
        String detail) {
}
