package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A desk's waiting rooms, oldest first, with how many wait and how long the oldest has. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record QueuePage(String deskId, long waiting, Long oldestWaitSeconds, List<Item> items, String nextCursor) {

    /** One waiting room. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Item(String sessionId, String customerId, String customerName, Instant waitingSince,
            long waitSeconds, boolean awaitingReply) {
    }
}
