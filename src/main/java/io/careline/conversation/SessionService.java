package io.careline.conversation;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.api.CreateSessionRequest;
import io.careline.conversation.api.PatchSessionRequest;
import io.careline.conversation.api.SessionCounts;
import io.careline.conversation.api.SessionPage;
import io.careline.conversation.api.SessionType;
import io.careline.conversation.api.SessionView;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.model.BusinessType;
import io.careline.conversation.model.Ids;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.ParticipantRepository;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionRepository;
import io.careline.conversation.model.SessionRow;
import io.careline.conversation.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Creating sessions, listing the caller's sessions with unread counts, renaming, closing and pinning. */
@ApplicationScoped
public class SessionService {
    @Inject
    SessionRepository sessions;

    @Inject
    ParticipantRepository participantRows;

    @Inject
    ParticipantService participants;

    @Inject
    MessageRepository messages;

    @Inject
    SessionAccess access;

    @Inject
    TopicService topics;

    @Inject
    Event<SessionChanged> changes;

    @Transactional
    public Outcome<SessionView> create(Caller caller, CreateSessionRequest request) {
        if (!caller.isStaff()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Patients cannot create sessions.");
        }
        Map<String, Role> members = new LinkedHashMap<>(participants.withDefaultRoles(request.participants()));
        if (!caller.isManager()) {
            // Staff who create a session are in it; hospital systems and admins create sessions for others.
            members.putIfAbsent(caller.userId(), caller.primaryRole());
        }
        BusinessType businessType = Objects.requireNonNullElseGet(request.businessType(),
                () -> members.containsValue(Role.PATIENT) ? BusinessType.WITH_PATIENT : BusinessType.WITHOUT_PATIENT);
        if (request.id() != null) {
            Session existing = sessions.findByPublicId(request.id()).orElse(null);
            if (existing != null) {
                return Outcome.existing(sameAsRequested(caller, existing, request, businessType, members));
            }
        }
        Instant now = Times.now();
        Session session = new Session();
        session.publicId = request.id() != null ? request.id() : Ids.generate();
        session.type = request.type();
        session.businessType = businessType;
        session.name = request.name();
        session.status = SessionStatus.ACTIVE;
        session.activityAt = now;
        session.createdAt = now;
        session.updatedAt = now;
        sessions.persist(session);
        Participant mine = null;
        for (Map.Entry<String, Role> member : members.entrySet()) {
            Participant joined = participants.join(session, member.getKey(), member.getValue(), null, now);
            if (joined.userId.equals(caller.userId())) {
                mine = joined;
            }
        }
        Access created = new Access(session, mine, caller);
        changes.fire(created.changed(SessionChanged.Change.CREATED));
        return Outcome.created(created.view(0));
    }

    /**
     * A session another feature owns (a consultation's, a support room's), in the caller's transaction: created
     * with these members when no session has the id, else reopened if closed with any missing member joined
     * again. Locked until commit. The feature has decided that the actor may do this.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Access ensure(Caller actor, String id, SessionType type, String name, Map<String, Role> members) {
        Instant now = Times.now();
        Session session = sessions.lockByPublicId(id).orElse(null);
        boolean created = session == null;
        if (created) {
            session = new Session();
            session.publicId = id;
            session.type = type;
            session.businessType = members.containsValue(Role.PATIENT) ? BusinessType.WITH_PATIENT
                    : BusinessType.WITHOUT_PATIENT;
            session.name = name;
            session.status = SessionStatus.ACTIVE;
            session.activityAt = now;
            session.createdAt = now;
            session.updatedAt = now;
            sessions.persist(session);
        }
        Map<String, Participant> current = new LinkedHashMap<>();
        participantRows.allOf(session.pk).forEach(p -> current.put(p.userId, p));
        for (Map.Entry<String, Role> member : members.entrySet()) {
            Participant existing = current.get(member.getKey());
            if (existing == null || !existing.isActive()) {
                current.put(member.getKey(), participants.join(session, member.getKey(), member.getValue(), existing,
                        now));
            }
        }
        Access locked = new Access(session, current.get(actor.userId()), actor);
        if (created) {
            changes.fire(locked.changed(SessionChanged.Change.CREATED));
        } else if (session.status == SessionStatus.CLOSED) {
            session.status = SessionStatus.ACTIVE;
            session.updatedAt = now;
            changes.fire(locked.changed(SessionChanged.Change.REOPENED));
        }
        return locked;
    }

    @Transactional
    public SessionPage list(Caller caller, String type, int limit, String cursor) {
        SessionType sessionType = type == null ? null
                : WireEnum.require(SessionType.class, type, "type");
        SessionRepository.ListPosition after = null;
        if (cursor != null) {
            PageCursor position = PageCursor.decode(cursor, 3);
            after = new SessionRepository.ListPosition(position.get(0) == 1, Times.fromMicros(position.get(1)),
                    position.get(2));
        }
        KeysetPage<SessionRow> page = KeysetPage.of(sessions.pageOf(caller.userId(), sessionType, after, limit + 1),
                limit);
        Map<Long, Long> unread = messages.unreadBySession(caller.userId(), page.map(row -> row.session().pk));
        return new SessionPage(page.map(row -> new Access(row.session(), row.participant(), caller).view(
                unread.getOrDefault(row.session().pk, 0L))),
                page.nextCursor(last -> PageCursor.of(last.participant().pinned ? 1 : 0,
                        Times.toMicros(last.session().activityAt), last.session().pk)));
    }

    @Transactional
    public SessionCounts counts(Caller caller) {
        Map<SessionType, long[]> byType = new EnumMap<>(SessionType.class);
        sessions.countByType(caller.userId())
                .forEach(row -> byType.computeIfAbsent(row.type(), t -> new long[2])[0] = row.count());
        messages.unreadByType(caller.userId())
                .forEach(row -> byType.computeIfAbsent(row.type(), t -> new long[2])[1] = row.count());
        List<SessionCounts.TypeCount> types = byType.entrySet().stream()
                .map(e -> new SessionCounts.TypeCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new SessionCounts(types.stream().mapToLong(SessionCounts.TypeCount::sessions).sum(),
                types.stream().mapToLong(SessionCounts.TypeCount::unread).sum(), types);
    }

    @Transactional
    public SessionView get(Caller caller, String sessionId) {
        return viewOf(access.read(caller, sessionId));
    }

    @Transactional
    public SessionView update(Caller caller, String sessionId, PatchSessionRequest request) {
        Access admitted = access.manage(caller, sessionId);
        Session session = admitted.session();
        if (request.name() != null && !request.name().equals(session.name)) {
            session.name = request.name();
            changes.fire(admitted.changed(SessionChanged.Change.RENAMED));
        }
        if (request.status() == SessionStatus.CLOSED) {
            close(admitted);
        } else if (request.status() == SessionStatus.ACTIVE && session.status == SessionStatus.CLOSED) {
            session.status = SessionStatus.ACTIVE;
            changes.fire(admitted.changed(SessionChanged.Change.REOPENED));
        }
        session.updatedAt = Times.now();
        return viewOf(admitted);
    }

    /**
     * Closes a session the caller's transaction has locked (as a finished support room's): no more messages. Its
     * open consultation ends, since nobody could answer it any more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(Access locked) {
        Session session = locked.session();
        if (session.status == SessionStatus.CLOSED) {
            return;
        }
        if (session.openTopicId != null) {
            topics.endOpenTopic(locked);
        }
        session.status = SessionStatus.CLOSED;
        session.updatedAt = Times.now();
        changes.fire(locked.changed(SessionChanged.Change.CLOSED));
    }

    /** A participant's own setting for a session. */
    public enum Preference {
        /** Listed first. */
        PINNED,
        /** No push for new messages (still counted as unread). */
        MUTED
    }

    @Transactional
    public void prefer(Caller caller, String sessionId, Preference preference, boolean on) {
        Access admitted = access.read(caller, sessionId);
        Participant member = admitted.participant();
        if (member == null || !member.isActive()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only participants have their own session settings.");
        }
        switch (preference) {
            case PINNED -> member.pinned = on;
            case MUTED -> member.muted = on;
        }
    }

    private SessionView viewOf(Access admitted) {
        long unread = admitted.participant() == null ? 0
                : messages.unreadBySession(admitted.caller().userId(), List.of(admitted.session().pk))
                        .getOrDefault(admitted.session().pk, 0L);
        return admitted.view(unread);
    }

    private SessionView sameAsRequested(Caller caller, Session existing, CreateSessionRequest request,
            BusinessType businessType, Map<String, Role> members) {
        Map<String, Role> existingMembers = new LinkedHashMap<>();
        participantRows.activeOf(existing.pk).forEach(p -> existingMembers.put(p.userId, p.role));
        boolean same = existing.type == request.type() && existing.businessType == businessType
                && Objects.equals(existing.name, request.name()) && existingMembers.equals(members);
        if (!same) {
            throw new DomainException(ErrorCode.SESSION_CONFLICT,
                    "A session with this id already exists with a different type, name or participants.");
        }
        return viewOf(access.read(caller, existing.publicId));
    }
}
