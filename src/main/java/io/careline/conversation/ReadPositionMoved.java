package io.careline.conversation;

/** A participant's read position moved forward; observed to send read receipts. */
public record ReadPositionMoved(String tenant, long sessionPk, String sessionId, String userId, long seq) {
}
