package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A support room: its state, who holds it, and each side's flags (seed 004's is_reply, is_read, customer_is_read). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record RoomView(String sessionId, String deskId, String customerId, RoomState state, String agentId,
        @Schema(description = "The customer wrote last: the agent owes a reply") boolean awaitingReply,
        Instant waitingSince, Instant assignedAt, Instant firstResponseAt, Instant endedAt,
        @Schema(description = "The customer's read position (seq)") Long customerReadSeq,
        @Schema(description = "The holding agent's read position (seq)") Long agentReadSeq) {
}
