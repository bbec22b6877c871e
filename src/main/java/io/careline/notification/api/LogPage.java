package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A page of the audit trail, oldest first. */
@RegisterForReflection
public record LogPage(List<LogEntryView> items, String nextCursor) {
}
