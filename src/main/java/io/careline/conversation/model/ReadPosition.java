package io.careline.conversation.model;

/** A session with messages after the reader's position, and that position: where a sync resumes. */
public record ReadPosition(String sessionId, long lastReadSeq) {
}
