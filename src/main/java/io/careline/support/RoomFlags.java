package io.careline.support;

import io.careline.common.Times;
import io.careline.conversation.api.SessionType;
import io.careline.conversation.event.MessageStored;
import io.careline.support.model.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Seed 004's is_reply, in the transaction that stores the message: a customer's message sets the room's
 * awaiting-reply flag, the holding agent's clears it (their first is the room's first response). Server
 * messages (membership notes, topics) and messages in other sessions change nothing.
 */
@ApplicationScoped
public class RoomFlags {

    @Inject
    RoomRepository rooms;

    @Inject
    SupportMetrics metrics;

    void onMessage(@Observes MessageStored stored) {
        if (stored.sessionType() != SessionType.SUPPORT || stored.author().isServer()) {
            return;
        }
        rooms.flag(stored.sessionPk(), stored.message().senderId(), Times.now()).ifPresent(
                first -> metrics.firstResponse(Duration.between(first.createdAt(), first.firstResponseAt())));
    }
}
