package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The app badge: total unread messages and the sessions that have any. */
@RegisterForReflection
public record UnreadView(long total, List<SessionUnread> sessions) {

    /** Unread messages in one session. */
    @RegisterForReflection
    public record SessionUnread(String sessionId, long unread) {
    }
}
