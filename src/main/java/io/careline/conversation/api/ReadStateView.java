package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The caller's read position in a session after marking, and what is still unread. */
@RegisterForReflection
public record ReadStateView(String sessionId, long lastReadSeq, long unread) {
}
