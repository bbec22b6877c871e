package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who of a session's members (other than the sender) has read a message, and who has not yet. */
@RegisterForReflection
public record ReadByView(List<Reader> readers, List<String> unread) {

    /** A member who read the message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Reader(String userId,
            @Schema(description = "When their read position first reached the message; absent when it got there "
                    + "without a read (they joined after the message)") Instant readAt) {
    }
}
