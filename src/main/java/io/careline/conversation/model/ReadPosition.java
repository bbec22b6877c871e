package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A session with messages after the reader's position, and that position: where a sync resumes. */
@RegisterForReflection
public record ReadPosition(String sessionId, long lastReadSeq) {
}
