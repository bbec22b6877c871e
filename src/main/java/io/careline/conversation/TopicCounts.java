package io.careline.conversation;


/** How many of the caller's topics are in each workbench state. */
public record TopicCounts(long unreplied, long inProgress, long ended) {
}
