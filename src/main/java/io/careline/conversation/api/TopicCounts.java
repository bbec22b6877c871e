package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many of the caller's topics are in each workbench state. */
@RegisterForReflection
public record TopicCounts(long unreplied, long inProgress, long ended) {
}
