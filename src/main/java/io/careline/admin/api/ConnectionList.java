package io.careline.admin.api;

import io.careline.realtime.api.DirectoryEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The tenant's open connections that match a filter, oldest first, and how many matched in all. */
@RegisterForReflection
public record ConnectionList(List<DirectoryEntry> items, int total) {
}
