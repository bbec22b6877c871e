package io.careline.conversation.api;

import java.util.List;

/** Messages in seq order; {@code hasMore} says whether the range continues beyond this page. */
public record MessagePage(List<MessageView> items, boolean hasMore) {
}
