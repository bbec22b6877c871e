package io.careline.admin.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every live node's figures, their total, and the tenant's push outbox by state. */
@RegisterForReflection
public record FiguresView(
        List<NodeFigures> nodes,
        @Schema(description = "Rates and backlogs summed over the nodes; percentiles are the worst node's,"
                + " the success rate is weighted by attempts") NodeFigures total,
        @Schema(description = "The tenant's pushes by state: queued, sending, sent, skipped, dead")
        Map<String, Long> outbox) {
}
