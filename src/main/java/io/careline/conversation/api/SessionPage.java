package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of the caller's sessions; pass {@code nextCursor} back for the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionPage(List<SessionView> items, String nextCursor) {
}
