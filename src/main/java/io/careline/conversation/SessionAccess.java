package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.model.ParticipantRepository;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionRepository;
import io.careline.conversation.model.SessionRow;
import io.careline.conversation.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one place that decides who may touch a session. Another tenant's session does not exist (the
 * tenant filter hides it); a session the caller is not in answers 404 too, so strangers learn nothing.
 */
@ApplicationScoped
public class SessionAccess {
    @Inject
    SessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    /** Participants (those who left: up to their leaving) and the tenant's managers may read. */
    public Access read(Caller caller, String sessionId) {
        return admit(caller, sessions.findByPublicId(sessionId).map(s -> withMembership(s, caller)));
    }

    /** Active participants and managers may write; the session row stays locked until commit. */
    public Access write(Caller caller, String sessionId) {
        return writable(admit(caller, sessions.lockByPublicId(sessionId).map(s -> withMembership(s, caller))));
    }

    /**
     * Like {@link #writeOpen}, for sending, on a session row that a group of sends has locked and read
     * (empty when there is no such session in the caller's tenant) with the caller's membership.
     */
    public Access sendable(Caller caller, Optional<SessionRow> locked) {
        return open(writable(admit(caller, locked)));
    }

    /** Changing members or settings: like {@link #write}, but patients are refused. */
    public Access manage(Caller caller, String sessionId) {
        Access access = write(caller, sessionId);
        if (!caller.isStaff()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Patients cannot change a session's participants or settings.");
        }
        return access;
    }

    /** Like {@link #write}, and the session must be open for new messages. */
    public Access writeOpen(Caller caller, String sessionId) {
        return open(write(caller, sessionId));
    }

    private SessionRow withMembership(Session session, Caller caller) {
        return new SessionRow(session, participants.find(session.pk, caller.userId()).orElse(null));
    }

    private Access admit(Caller caller, Optional<SessionRow> found) {
        SessionRow row = found.orElseThrow(SessionAccess::notFound);
        if (row.participant() == null && !caller.isManager()) {
            throw notFound();
        }
        return new Access(row.session(), row.participant(), caller);
    }

    private static Access writable(Access access) {
        if (access.participant() != null && !access.participant().isActive() && !access.caller().isManager()) {
            throw new DomainException(ErrorCode.PARTICIPANT_LEFT, "You can no longer write to this session.");
        }
        return access;
    }

    private static Access open(Access access) {
        if (access.session().status == SessionStatus.CLOSED) {
            throw new DomainException(ErrorCode.SESSION_CLOSED, "Messages cannot be added to a closed session.");
        }
        return access;
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.SESSION_NOT_FOUND, "No such session.");
    }
}
