package io.careline.notification.api;

import io.careline.conversation.api.UnreadView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The app badge: unread messages plus unread notifications, and the sessions that have unread messages. */
@RegisterForReflection
public record BadgeView(@Schema(description = "messages + notifications: the one number on the app icon") long total,
        long messages, long notifications, List<UnreadView.SessionUnread> sessions) {
}
