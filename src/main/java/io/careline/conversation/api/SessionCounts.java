package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** How many active sessions the caller has, and unread messages in them, per type and in total. */
@RegisterForReflection
public record SessionCounts(long sessions, long unread, List<TypeCount> types) {

    /** The counts of one session type. */
    @RegisterForReflection
    public record TypeCount(SessionType type, long sessions, long unread) {
    }
}
