package io.careline.conversation;


/** A topic with the public id of its session. */
public record TopicRow(Topic topic, String sessionId) {
}
