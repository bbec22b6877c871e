package io.careline.retention.api;

import io.careline.retention.model.RetentionLogEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One purge: its scope, the time before which content went, how many rows, which node, when. */
@RegisterForReflection
public record RetentionLogView(String scope, Instant cutoff, int purged, String node, Instant at) {

    public static RetentionLogView of(RetentionLogEntry entry) {
        return new RetentionLogView(entry.scope, entry.cutoff, entry.purged, entry.node, entry.at);
    }
}
