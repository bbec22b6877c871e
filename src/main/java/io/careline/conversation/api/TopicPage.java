package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of the caller's topics in one state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record TopicPage(List<TopicView> items, String nextCursor) {
}
