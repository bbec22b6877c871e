package io.careline.user;

/**
 * Whether two users are active members of a common session: they may then see each other's profiles.
 * Declared here and implemented by the conversation feature, so that users need not know conversations.
 */
public interface SharedSessions {
    boolean shareASession(String userId, String otherUserId);
}
