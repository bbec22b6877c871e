package io.careline.conversation.event;

import java.util.List;

/**
 * A session was created, renamed, closed or reopened, or its members changed; observed to tell the members'
 * devices. {@code formerMembers} are users who just left and should hear of it once more; {@code origin} is
 * the connection the change came from (null for REST).
 */
public record SessionChanged(String tenant, long sessionPk, String sessionId, Change change,
        List<String> formerMembers, String origin) {

    /** What changed. */
    public enum Change {
        CREATED, RENAMED, PARTICIPANTS_CHANGED, CLOSED, REOPENED
    }

}
