package io.careline.realtime.handler;

import io.careline.common.security.Caller;
import io.careline.notification.InboxService;
import io.careline.notification.SubscriptionService;
import io.careline.notification.api.StatusChange;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The notification frames: {@code subscribe} and {@code unsubscribe} to rooms, {@code mark_read}. */
@ApplicationScoped
public class NotificationFrames {
    @Inject
    SubscriptionService subscriptions;

    @Inject
    InboxService inbox;

    public ServerFrame subscribe(Caller caller, ClientFrame frame) {
        return ServerFrame.Subscribed.of(frame.id(), subscriptions.subscribe(caller, frame.rooms()));
    }

    public ServerFrame unsubscribe(Caller caller, ClientFrame frame) {
        return ServerFrame.Unsubscribed.of(frame.id(), subscriptions.unsubscribe(caller, frame.rooms()));
    }

    public ServerFrame acknowledge(Caller caller, ClientFrame frame) {
        return ServerFrame.Acknowledged.of(frame.id(),
                inbox.changeStatuses(caller, frame.ids(), StatusChange.ACKNOWLEDGED).changed());
    }

    public ServerFrame markRead(Caller caller, ClientFrame frame) {
        return ServerFrame.Marked.of(frame.id(),
                inbox.changeStatuses(caller, frame.ids(), StatusChange.READ).changed());
    }
}
