package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many messages of one session a reader has not read. */
@RegisterForReflection
public record UnreadCount(long sessionPk, String sessionId, long unread) {
}
