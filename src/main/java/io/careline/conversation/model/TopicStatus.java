package io.careline.conversation.model;

/** A topic is open until a participant ends it; at most one is open per session. */
public enum TopicStatus {
    OPEN, ENDED
}
