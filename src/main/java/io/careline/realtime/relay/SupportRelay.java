package io.careline.realtime.relay;

import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.ServerFrame;
import io.careline.support.event.QueueChanged;
import io.careline.support.event.RoomAssigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Tells a desk's connected agents of queue changes (fired after commit) and a customer who took their room (once
 * the assignment commits), on whichever node they are connected to.
 */
@ApplicationScoped
public class SupportRelay {
    @Inject
    Fanout fanout;

    void onQueueChanged(@Observes QueueChanged changed) {
        fanout.deliver(changed.tenant(), changed.agents(), ServerFrame.Queue.of(changed), null,
                System.currentTimeMillis());
    }

    void onAssigned(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomAssigned assigned) {
        fanout.deliver(assigned.tenant(), List.of(assigned.customerId()), ServerFrame.Assigned.of(assigned), null,
                System.currentTimeMillis());
    }
}
