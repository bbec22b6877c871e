package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
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
        return admit(caller, sessions.findByPublicId(sessionId));
    }

    /** Active participants and managers may write; the session row stays locked until commit. */
    public Access write(Caller caller, String sessionId) {
        Access access = admit(caller, sessions.lockByPublicId(sessionId));
        if (access.participant() != null && !access.participant().isActive() && !caller.isManager()) {
            throw new DomainException(ErrorCode.PARTICIPANT_LEFT, "You can no longer write to this session.");
        }
        return access;
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
        Access access = write(caller, sessionId);
        if (access.session().status == SessionStatus.CLOSED) {
            throw new DomainException(ErrorCode.SESSION_CLOSED, "Messages cannot be added to a closed session.");
        }
        return access;
    }

    private Access admit(Caller caller, Optional<Session> found) {
        Session session = found.orElseThrow(SessionAccess::notFound);
        Participant participant = participants.find(session.pk, caller.userId()).orElse(null);
        if (participant == null && !caller.isManager()) {
            throw notFound();
        }
        return new Access(session, participant, caller);
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.SESSION_NOT_FOUND, "No such session.");
    }
}
