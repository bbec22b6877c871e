package io.careline.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.api.MemberState;
import io.careline.conversation.api.ParticipantRequest;
import io.careline.conversation.api.ParticipantView;
import io.careline.conversation.api.ReplaceParticipantsRequest;
import io.careline.conversation.append.MessageStore;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.ParticipantRepository;
import io.careline.conversation.model.Session;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Who is in a session: listing, adding, removing and replacing members, each change noted in the session. */
@ApplicationScoped
public class ParticipantService {
    @Inject
    SessionAccess access;

    @Inject
    ParticipantRepository participants;

    @Inject
    MessageStore store;

    @Inject
    MessageContentValidator contents;

    @Inject
    UserService users;

    @Inject
    LimitsConfig limits;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<SessionChanged> changes;

    @Transactional
    public List<ParticipantView> list(Caller caller, String sessionId) {
        Access admitted = access.read(caller, sessionId);
        return participants.activeOf(admitted.session().pk).stream().map(ParticipantView::of).toList();
    }

    @Transactional
    public Outcome<ParticipantView> add(Caller caller, String sessionId, ParticipantRequest request) {
        Access admitted = access.manage(caller, sessionId);
        return admit(admitted, request.userId(), withDefaultRoles(List.of(request)).get(request.userId()));
    }

    /**
     * Adds a member to a session the caller's transaction has locked (see {@link SessionAccess#lockedFor}), noted
     * in the session; an active member is left as they are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome<ParticipantView> admit(Access locked, String userId, Role role) {
        Session session = locked.session();
        Participant existing = participants.find(session.pk, userId).orElse(null);
        if (existing != null && existing.isActive()) {
            return Outcome.existing(ParticipantView.of(existing));
        }
        requireRoom(participants.activeOf(session.pk).size() + 1);
        Participant joined = join(session, userId, role, existing, Times.now());
        note(locked, "participant_added", "A participant was added.", List.of(userId), List.of());
        changes.fire(locked.changed(SessionChanged.Change.PARTICIPANTS_CHANGED));
        return Outcome.created(ParticipantView.of(joined));
    }

    /**
     * Takes a member out of a session the caller's transaction has locked, noted in the session, and forgets
     * their membership: unlike a participant who left, they can read none of it afterwards (a support agent who
     * no longer holds a room).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dismiss(Access locked, String userId) {
        Participant member = participants.find(locked.session().pk, userId).orElse(null);
        if (member == null) {
            return;
        }
        note(locked, "participant_removed", "A participant was removed.", List.of(), List.of(userId));
        participants.delete(member);
        changes.fire(locked.changed(SessionChanged.Change.PARTICIPANTS_CHANGED, List.of(userId)));
    }

    /**
     * Stops (or lets again) a patient sending into the consultation sessions they share with a doctor; the
     * number of memberships changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int blockSending(String tenant, String doctorId, String patientId, boolean blocked) {
        return participants.blockSending(tenant, doctorId, patientId, blocked);
    }

    @Transactional
    public void remove(Caller caller, String sessionId, String userId) {
        Access admitted = access.manage(caller, sessionId);
        Participant member = participants.find(admitted.session().pk, userId).filter(Participant::isActive)
                .orElseThrow(() -> new DomainException(ErrorCode.PARTICIPANT_NOT_FOUND, "No such participant."));
        Message notice = note(admitted, "participant_removed", "A participant was removed.", List.of(),
                List.of(userId));
        leave(member, notice.seq);
        changes.fire(admitted.changed(SessionChanged.Change.PARTICIPANTS_CHANGED, List.of(userId)));
    }

    @Transactional
    public List<ParticipantView> replace(Caller caller, String sessionId, ReplaceParticipantsRequest request) {
        Access admitted = access.manage(caller, sessionId);
        Session session = admitted.session();
        Map<String, Role> wanted = withDefaultRoles(request.participants());
        Map<String, Participant> current = new LinkedHashMap<>();
        participants.allOf(session.pk).forEach(p -> current.put(p.userId, p));

        Instant now = Times.now();
        List<String> added = new ArrayList<>();
        wanted.forEach((userId, role) -> {
            Participant member = current.get(userId);
            if (member == null || !member.isActive()) {
                join(session, userId, role, member, now);
                added.add(userId);
            } else {
                member.role = role;
            }
        });
        List<Participant> leaving = current.values().stream()
                .filter(p -> p.isActive() && !wanted.containsKey(p.userId)).toList();
        if (!added.isEmpty() || !leaving.isEmpty()) {
            Message notice = note(admitted, "participants_replaced", "The participants were changed.", added,
                    leaving.stream().map(p -> p.userId).toList());
            leaving.forEach(p -> leave(p, notice.seq));
            changes.fire(admitted.changed(SessionChanged.Change.PARTICIPANTS_CHANGED,
                    leaving.stream().map(p -> p.userId).toList()));
        }
        return participants.activeOf(session.pk).stream().map(ParticipantView::of).toList();
    }

    /** Who should receive a session's new messages and events: its active participants. */
    public List<String> activeUserIds(long sessionPk) {
        return participants.activeUserIds(sessionPk);
    }

    /** The given users' memberships of a session, for pushes that leave after the fact (no caller). */
    public List<MemberState> memberStates(String tenant, long sessionPk, Collection<String> userIds) {
        return participants.states(tenant, sessionPk, userIds);
    }

    /** Each user's unread messages over their active sessions, for app badges (no caller; zeros omitted). */
    public Map<String, Long> unreadTotals(String tenant, Collection<String> userIds) {
        return participants.unreadTotals(tenant, userIds);
    }

    /** Session pk to member to read position, for support rooms' flags (one query, tenant bound). */
    public Map<Long, Map<String, Long>> readPositions(String tenant, Collection<Long> sessionPks) {
        return participants.readPositions(tenant, sessionPks);
    }

    /** For each of the users, who shares an active session with them: they see that user's presence. */
    public Map<String, List<String>> contactsOf(String tenant, Collection<String> userIds) {
        return participants.contactsOf(tenant, userIds);
    }

    /** The other active members of a session the caller is active in: they see the caller typing. */
    @Transactional
    public List<String> othersInSession(Caller caller, String sessionId) {
        Access admitted = access.read(caller, sessionId);
        if (admitted.participant() == null || !admitted.participant().isActive()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only active participants can type in a session.");
        }
        return participants.activeUserIds(admitted.session().pk).stream()
                .filter(userId -> !userId.equals(caller.userId())).toList();
    }

    /**
     * The members a request names, in order, each with its role: the given one, else the profile's.
     * Duplicates and lists over the limit are refused.
     */
    Map<String, Role> withDefaultRoles(List<ParticipantRequest> requested) {
        requireRoom(requested.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!seen.add(requested.get(i).userId())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "A user is listed twice.",
                        List.of(new Problem.FieldError("participants[" + i + "].userId", "is listed twice")));
            }
        }
        Map<String, Role> profileRoles = users.rolesOf(requested.stream()
                .filter(p -> p.role() == null).map(ParticipantRequest::userId).toList());
        Map<String, Role> roles = new LinkedHashMap<>();
        requested.forEach(p -> roles.put(p.userId(), p.role() != null ? p.role() : profileRoles.get(p.userId())));
        return roles;
    }

    /** Puts a user in a session, reviving their old membership if they had left. */
    Participant join(Session session, String userId, Role role, Participant former, Instant now) {
        Participant member = Objects.requireNonNullElseGet(former, Participant::new);
        member.sessionPk = session.pk;
        member.userId = userId;
        member.role = role;
        member.joinedAt = now;
        member.leftAt = null;
        member.leftSeq = null;
        // Joining mid-conversation starts with nothing unread; history stays readable.
        member.lastReadSeq = session.lastSeq;
        if (former == null) {
            participants.persist(member);
        }
        return member;
    }

    private void leave(Participant member, long lastVisibleSeq) {
        member.leftAt = Times.now();
        member.leftSeq = lastVisibleSeq;
        member.pinned = false;
    }

    private void requireRoom(int memberCount) {
        if (memberCount > limits.maxParticipants()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED,
                    "A session can have at most " + limits.maxParticipants() + " participants.");
        }
    }

    private Message note(Access admitted, String event, String text, Collection<String> added,
            Collection<String> removed) {
        ObjectNode content = mapper.createObjectNode().put("text", text).put("event", event);
        content.set("added", mapper.valueToTree(added));
        content.set("removed", mapper.valueToTree(removed));
        return store.appendAfterFlush(admitted.session(), admitted.caller(), MessageType.SYSTEM,
                contents.validate(MessageType.SYSTEM, content), null);
    }
}
