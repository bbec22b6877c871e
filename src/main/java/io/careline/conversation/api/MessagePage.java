package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Messages in seq order; {@code hasMore} says whether the range continues beyond this page. */
@RegisterForReflection
public record MessagePage(List<MessageView> items, boolean hasMore) {
}
