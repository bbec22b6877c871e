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
        Instant deliveredAt, Instant readAt, Instant archivedAt,
        @Schema(description = "True when retention purged title, body and metadata") Boolean purged,
        @Schema(description = "True when each recipient is asked to acknowledge it") Boolean requiresAck,
        Instant acknowledgedAt) {

    /** As everyone sees it: without a recipient's own fields. */
    public static NotificationView of(Notification n) {
        return of(n, null, null, null, null, null, null, null);
    }

    /** As its recipient has it. */
    public static NotificationView of(Recipient r) {
        return of(r.notification, r.nseq, r.status, r.silent, r.deliveredAt, r.readAt, r.archivedAt,
                r.acknowledgedAt);
    }

    private static NotificationView of(Notification n, Long nseq, RecipientStatus status, Boolean silent,
            Instant deliveredAt, Instant readAt, Instant archivedAt, Instant acknowledgedAt) {
        boolean purged = n.purgedAt != null;
        return new NotificationView(n.publicId, n.type, purged ? null : n.title, purged ? null : n.body, n.priority,
                purged ? null : n.metadata, n.senderId, n.createdAt, n.expiresAt, nseq, status, silent, deliveredAt,
                readAt, archivedAt, purged ? Boolean.TRUE : null, n.requiresAck ? Boolean.TRUE : null, acknowledgedAt);
    }
}
