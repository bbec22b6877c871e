package io.careline.conversation.api;

import java.util.List;

/** The app badge: total unread messages and the sessions that have any. */
public record UnreadView(long total, List<SessionUnread> sessions) {

    /** Unread messages in one session. */
    public record SessionUnread(String sessionId, long unread) {
    }
}
