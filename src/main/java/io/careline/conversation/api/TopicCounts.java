package io.careline.conversation.api;

/** How many of the caller's topics are in each workbench state. */
public record TopicCounts(long unreplied, long inProgress, long ended) {
}
