package io.careline.conversation.api;

/** The caller's read position in a session after marking, and what is still unread. */
public record ReadStateView(String sessionId, long lastReadSeq, long unread) {
}
