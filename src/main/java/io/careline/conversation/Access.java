package io.careline.conversation;

import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.Session;
import java.util.List;

/** A caller's admitted access to one session: the session, their membership (null for managers), the caller. */
public record Access(Session session, Participant participant, Caller caller) {

    /** The last seq this caller may read: a participant who left sees nothing sent after leaving. */
    public long visibleUpTo() {
        if (participant != null && !participant.isActive() && !caller.isManager()) {
            return participant.leftSeq;
        }
        return session.lastSeq;
    }

    /** The event telling the session's members (and {@code formerMembers}, who just left) of a change. */
    public SessionChanged changed(SessionChanged.Change change, List<String> formerMembers) {
        return new SessionChanged(caller.tenant(), session.pk, session.publicId, change, formerMembers,
                caller.connectionId());
    }

    /** Like {@link #changed(SessionChanged.Change, List)}, with nobody who left. */
    public SessionChanged changed(SessionChanged.Change change) {
        return changed(change, List.of());
    }

    /** The role the caller acts in here: their role in the session, else their token's. */
    public Role actingRole() {
        return participant != null && participant.role != null ? participant.role : caller.primaryRole();
    }
}
