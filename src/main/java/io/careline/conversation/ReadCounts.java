package io.careline.conversation;

import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.ParticipantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * How many members have read each message of a group session (more than two members): those other than the
 * sender whose read position reached it. One read of the members per page, whatever its size.
 */
@ApplicationScoped
class ReadCounts {
    @Inject
    ParticipantRepository participants;

    List<MessageView> of(long sessionPk, List<MessageView> page) {
        if (page.isEmpty()) {
            return page;
        }
        List<Participant> members = participants.activeOf(sessionPk);
        if (members.size() <= 2) {
            return page;
        }
        return page.stream().map(message -> message.withReadCount((int) members.stream()
                .filter(m -> !m.userId.equals(message.senderId()) && m.lastReadSeq >= message.seq()).count()))
                .toList();
    }
}
