package io.careline.admin.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** One administrator action in the audit log. */
@RegisterForReflection
public record AuditEntryView(String auditId, String actorId, String action, String targetUserId,
        List<String> connectionIds, String reason, Instant createdAt) {
}
