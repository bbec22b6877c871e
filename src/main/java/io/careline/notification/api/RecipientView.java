package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.notification.model.RecipientStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Where one notification stands for one of its recipients. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipientView(String userId, RecipientStatus status, Instant deliveredAt, Instant readAt,
        Instant archivedAt) {
}
