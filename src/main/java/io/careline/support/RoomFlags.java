package io.careline.support;

import io.careline.common.Times;
import io.careline.conversation.event.MessageStored;
import io.careline.conversation.model.SessionType;
import io.careline.support.model.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/**
 * Seed 004's is_reply, in the transaction that stores the message: a customer's message sets the room's
 * awaiting-reply flag, the holding agent's clears it (their first is the room's first response). Server
 * messages (membership notes, topics) and messages in other sessions change nothing.
 */
@ApplicationScoped
public class RoomFlags {
    private static final Set<String> SERVER_TYPES = Set.of("system", "topic_begin", "topic_end");

    @Inject
    RoomRepository rooms;

    @Inject
    SupportMetrics metrics;

    void onMessage(@Observes MessageStored stored) {
        if (stored.sessionType() != SessionType.SUPPORT || SERVER_TYPES.contains(stored.message().type())) {
            return;
        }
        rooms.flag(stored.sessionPk(), stored.message().senderId(), Times.now()).ifPresent(
                first -> metrics.firstResponse(Duration.between(first.createdAt(), first.firstResponseAt())));
    }
}
