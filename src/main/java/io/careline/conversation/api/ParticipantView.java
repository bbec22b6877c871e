package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.common.security.Role;
import io.careline.conversation.model.Participant;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A member of a session, with how far they have read (read receipts). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ParticipantView(String userId, Role role, Instant joinedAt, Instant leftAt, long lastReadSeq) {

    public static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.userId, participant.role, participant.joinedAt, participant.leftAt,
                participant.lastReadSeq);
    }
}
