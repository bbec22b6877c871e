package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.api.SessionView;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.Session;
import java.util.List;

/**
 * A caller's admitted access to one session. Other features see its ids and the caller; the session and the
 * membership (null for managers) stay inside conversation/.
 */
public final class Access {
    private final Session session;
    private final Participant participant;
    private final Caller caller;

    Access(Session session, Participant participant, Caller caller) {
        this.session = session;
        this.participant = participant;
        this.caller = caller;
    }

    public long sessionPk() {
        return session.pk;
    }

    public String sessionId() {
        return session.publicId;
    }

    /** The session's open topic, or null. */
    public String openTopicId() {
        return session.openTopicId;
    }

    public Caller caller() {
        return caller;
    }

    /** The last seq this caller may read: a participant who left sees nothing sent after leaving. */
    public long visibleUpTo() {
        if (participant != null && !participant.isActive() && !caller.isManager()) {
            return participant.leftSeq;
        }
        return session.lastSeq;
    }

    /** The message at seq, if this caller may see it; else MESSAGE_NOT_FOUND, as if it did not exist. */
    Message visibleMessage(MessageRepository messages, long seq) {
        if (seq > visibleUpTo()) {
            throw messageNotFound();
        }
        return messages.findBySeq(session.pk, seq).orElseThrow(Access::messageNotFound);
    }

    private static DomainException messageNotFound() {
        return new DomainException(ErrorCode.MESSAGE_NOT_FOUND, "No such message.");
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

    Session session() {
        return session;
    }

    Participant participant() {
        return participant;
    }

    /** The session as this caller sees it. */
    SessionView view(long unread) {
        return SessionView.of(session, participant, visibleUpTo(), unread);
    }
}
