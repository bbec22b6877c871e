package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.careline.notification.model.Notification;
import io.careline.notification.model.Recipient;
import io.careline.notification.model.RecipientStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification as its recipient has it; the recipient fields are absent for a sender or admin who is not one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(String id, String type, String title, String body, NotificationPriority priority,
        @Schema(type = SchemaType.OBJECT) @JsonRawValue String metadata,
        String senderId, Instant createdAt, Instant expiresAt, Long nseq, RecipientStatus status, Boolean silent,
        Instant deliveredAt, Instant readAt, Instant archivedAt) {

    /** As everyone sees it: without a recipient's own fields. */
    public static NotificationView of(Notification n) {
        return new NotificationView(n.publicId, n.type, n.title, n.body, n.priority, n.metadata, n.senderId,
                n.createdAt, n.expiresAt, null, null, null, null, null, null);
    }

    /** As its recipient has it. */
    public static NotificationView of(Recipient r) {
        Notification n = r.notification;
        return new NotificationView(n.publicId, n.type, n.title, n.body, n.priority, n.metadata, n.senderId,
                n.createdAt, n.expiresAt, r.nseq, r.status, r.silent, r.deliveredAt, r.readAt, r.archivedAt);
    }
}
