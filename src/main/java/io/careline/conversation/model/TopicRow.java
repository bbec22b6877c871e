package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A topic with the public id of its session. */
@RegisterForReflection
public record TopicRow(Topic topic, String sessionId) {
}
