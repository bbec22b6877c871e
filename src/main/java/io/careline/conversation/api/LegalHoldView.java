package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Whether a session is on legal hold (retention leaves its messages alone), since when and by whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record LegalHoldView(String sessionId, boolean onHold, Instant since, String by) {
}
