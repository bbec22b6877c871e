package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many of a user's topics have one status and replied flag. */
@RegisterForReflection
public record TopicCount(TopicStatus status, boolean replied, long count) {
}
