package io.careline.conversation;

import io.careline.common.security.Caller;
import io.careline.common.security.Role;

/** A caller's admitted access to one session: the session, their membership (null for managers), the caller. */
public record Access(Session session, Participant participant, Caller caller) {

    /** The last seq this caller may read: a participant who left sees nothing sent after leaving. */
    public long visibleUpTo() {
        if (participant != null && !participant.isActive() && !caller.isManager()) {
            return participant.leftSeq;
        }
        return session.lastSeq;
    }

    /** The role the caller acts in here: their role in the session, else their token's. */
    public Role actingRole() {
        return participant != null && participant.role != null ? participant.role : caller.primaryRole();
    }
}
