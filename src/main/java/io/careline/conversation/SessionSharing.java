package io.careline.conversation;

import io.careline.conversation.model.ParticipantRepository;
import io.careline.user.SharedSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers the user feature's question whether two users share an active session. */
@ApplicationScoped
public class SessionSharing implements SharedSessions {
    @Inject
    ParticipantRepository participants;

    @Override
    public boolean shareASession(String userId, String otherUserId) {
        return participants.shareASession(userId, otherUserId);
    }
}
