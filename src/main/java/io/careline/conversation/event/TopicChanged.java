package io.careline.conversation.event;

/**
 * A consultation was opened, first replied to by a clinician, or ended; observed to tell the members' devices,
 * except the connection it came from ({@code origin}, null for REST).
 */
public record TopicChanged(String tenant, long sessionPk, String sessionId, String topicId, Change change,
        String origin) {

    /** What happened to the topic. */
    public enum Change {
        OPENED, REPLIED, ENDED
    }
}
