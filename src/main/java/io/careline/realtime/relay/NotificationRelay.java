package io.careline.realtime.relay;

import io.careline.notification.event.NotificationRepeated;
import io.careline.notification.event.NotificationSent;
import io.careline.notification.event.NotificationStatusChanged;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Turns stored notifications, their escalation repeats and their status changes into frames for the recipients' devices, once the
 * transaction that stored them has committed: one fan-out with messages, one presence, one sync.
 */
@ApplicationScoped
public class NotificationRelay {
    @Inject
    Fanout fanout;

    void onSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationSent sent) {
        fanout.deliverCopies(sent.tenant(), sent.deliveries(), ServerFrame.Notification.shared(sent.notification()),
                sent.notificationPk(), sent.notification().createdAt().toEpochMilli());
    }

    void onRepeated(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRepeated repeated) {
        fanout.deliver(repeated.tenant(), List.of(repeated.userId()),
                ServerFrame.Notification.repeat(repeated.notification(), repeated.nseq(), repeated.step()), null,
                System.currentTimeMillis());
    }

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationStatusChanged changed) {
        fanout.deliver(changed.tenant(), List.of(changed.userId()),
                ServerFrame.NotificationStatus.of(changed.ids(), changed.change()), changed.origin(),
                System.currentTimeMillis());
    }
}
