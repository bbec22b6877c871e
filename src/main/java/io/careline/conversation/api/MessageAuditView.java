package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A message's audit trail for admins: every version as sent and edited, and its recall. */
@RegisterForReflection
public record MessageAuditView(String sessionId, long seq, String type, String senderId, Instant createdAt,
        List<MessageAuditEntryView> entries) {
}
