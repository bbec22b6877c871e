package io.careline.admin.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A page of the audit log, newest first. */
@RegisterForReflection
public record AuditPage(List<AuditEntryView> items, String nextCursor) {
}
