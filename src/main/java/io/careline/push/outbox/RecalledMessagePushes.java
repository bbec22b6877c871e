package io.careline.push.outbox;

import io.careline.common.Times;
import io.careline.conversation.event.MessageChanged;
import io.careline.push.model.OutboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/** A recalled message is announced to nobody: its waiting pushes are dropped in the recalling transaction. */
@ApplicationScoped
public class RecalledMessagePushes {
    @Inject
    OutboxStore outbox;

    @Inject
    Clock clock;

    void onChanged(@Observes MessageChanged changed) {
        if (changed.change() == MessageChanged.Change.RECALLED) {
            outbox.skipWaitingFor(changed.tenant(), PushEnqueuer.MESSAGE, changed.sessionPk(), changed.message().seq(),
                    Times.now(clock));
        }
    }
}
