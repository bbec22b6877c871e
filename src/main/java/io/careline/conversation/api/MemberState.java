package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an offline push needs to know of one member of a session when it leaves: whether they still want
 * it (not muted, not left, the session open), how far they have read, and the role they hold there.
 */
@RegisterForReflection
public record MemberState(long sessionPk, String userId, String role, boolean muted, boolean active,
        boolean sessionOpen, long lastReadSeq) {
}
