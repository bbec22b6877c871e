package io.careline.support.model;

import java.time.Instant;

/** One waiting room as the queue lists it, read straight from the queue index. */
public record QueueRow(long pk, String sessionId, String customerId, Instant waitingSince, boolean awaitingReply) {
}
