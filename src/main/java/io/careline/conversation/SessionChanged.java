package io.careline.conversation;

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

    static SessionChanged of(Access admitted, Change change) {
        return of(admitted, change, List.of());
    }

    static SessionChanged of(Access admitted, Change change, List<String> formerMembers) {
        Session session = admitted.session();
        return new SessionChanged(admitted.caller().tenant(), session.pk, session.publicId, change, formerMembers,
                admitted.caller().connectionId());
    }
}
