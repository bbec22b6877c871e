package io.careline.conversation.event;

/**
 * A participant's read position moved forward; observed to send read receipts, except to the connection it
 * came from ({@code origin}, null for REST), which gets the receipt as its answer.
 */
public record ReadPositionMoved(String tenant, long sessionPk, String sessionId, String userId, long seq,
        String origin) {
}
