package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of the caller's sessions; pass {@code nextCursor} back for the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record SessionPage(List<SessionView> items, String nextCursor) {
}
