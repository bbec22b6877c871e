package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.model.Participant;
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

    /** What a caller wants to do with a session; each asks more than the one before. */
    public enum Need {
        /** Read it: participants (those who left: up to their leaving) and the tenant's managers. */
        READ,
        /** Change it (a topic, a read position): active participants and managers. */
        WRITE,
        /** Add a message: like WRITE, and the session must be open. */
        SEND,
        /** Change its members or settings: like WRITE, but not patients. */
        MANAGE
    }

    public Access read(Caller caller, String sessionId) {
        return admit(caller, sessions.findByPublicId(sessionId).map(s -> withMembership(s, caller)), Need.READ);
    }

    /** Admits a change; the session row stays locked until commit. */
    public Access write(Caller caller, String sessionId) {
        return admit(caller, lockedWithMembership(caller, sessionId), Need.WRITE);
    }

    /** Admits a change of members or settings; the session row stays locked until commit. */
    public Access manage(Caller caller, String sessionId) {
        return admit(caller, lockedWithMembership(caller, sessionId), Need.MANAGE);
    }

    /** Admits a new message, or a topic opening with its first message; the row stays locked until commit. */
    public Access writeOpen(Caller caller, String sessionId) {
        return admit(caller, lockedWithMembership(caller, sessionId), Need.SEND);
    }

    /**
     * Locks a session for a feature that decided itself that the actor may change it (a desk's agent claiming a
     * room they are not yet in); empty when the tenant has no such session.
     */
    public Optional<Access> lockedFor(Caller actor, String sessionId) {
        return lockedWithMembership(actor, sessionId).map(row -> new Access(row.session(), row.participant(), actor));
    }

    /** Like {@link #lockedFor}, but empty at once when another transaction holds the session (take the next one). */
    public Optional<Access> lockedForUnlessBusy(Caller actor, String sessionId) {
        return sessions.lockUnlessBusy(sessionId)
                .map(s -> new Access(s, participants.find(s.pk, actor.userId()).orElse(null), actor));
    }

    /**
     * The rules, on a session row already read with the caller's membership (empty when there is no such
     * session in the caller's tenant): the caller's access, or the refusal that answers them.
     */
    public static Access admit(Caller caller, Optional<SessionRow> found, Need need) {
        SessionRow row = found.orElseThrow(SessionAccess::notFound);
        Participant member = row.participant();
        if (member == null && !caller.isManager()) {
            throw notFound();
        }
        Access access = new Access(row.session(), member, caller);
        if (need == Need.READ) {
            return access;
        }
        if (member != null && !member.isActive() && !caller.isManager()) {
            throw new DomainException(ErrorCode.PARTICIPANT_LEFT, "You can no longer write to this session.");
        }
        if (need == Need.MANAGE && !caller.isStaff()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Patients cannot change a session's participants or settings.");
        }
        if (need == Need.SEND && member != null && member.sendBlocked) {
            throw new DomainException(ErrorCode.PATIENT_BLOCKED, "The doctor does not take messages from you here.");
        }
        if (need == Need.SEND && row.session().status == SessionStatus.CLOSED) {
            throw new DomainException(ErrorCode.SESSION_CLOSED, "Messages cannot be added to a closed session.");
        }
        return access;
    }

    private Optional<SessionRow> lockedWithMembership(Caller caller, String sessionId) {
        return sessions.lockByPublicId(sessionId).map(s -> withMembership(s, caller));
    }

    private SessionRow withMembership(Session session, Caller caller) {
        return new SessionRow(session, participants.find(session.pk, caller.userId()).orElse(null));
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.SESSION_NOT_FOUND, "No such session.");
    }
}
