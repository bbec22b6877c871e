package io.careline.conversation;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.Times;
import io.careline.common.security.Caller;
import io.careline.conversation.api.ReadByView;
import io.careline.conversation.api.ReadStateView;
import io.careline.conversation.api.UnreadView;
import io.careline.conversation.event.ReadPositionMoved;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.ReadMark;
import io.careline.conversation.model.ParticipantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Read positions and what follows from them: unread counts, the badge, who has read a message. */
@ApplicationScoped
public class ReadStateService {
    @Inject
    SessionAccess access;

    @Inject
    MessageRepository messages;

    @Inject
    ParticipantRepository participants;

    @Inject
    Event<ReadPositionMoved> readMoves;

    /** Moves the caller's read position forward to {@code seq}; it never moves back. */
    @Transactional
    public ReadStateView markRead(Caller caller, String sessionId, long seq) {
        Access admitted = access.read(caller, sessionId);
        Participant member = admitted.participant();
        if (member == null) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only participants have a read position.");
        }
        if (seq > admitted.visibleUpTo()) {
            throw new DomainException(ErrorCode.SEQ_OUT_OF_RANGE,
                    "seq " + seq + " is beyond the last message (" + admitted.visibleUpTo() + ").");
        }
        int moved = participants.moveReadPosition(member.pk, seq);
        if (moved > 0) {
            ReadMark.of(member.sessionPk, caller.userId(), seq, Times.now()).persist();
            readMoves.fire(new ReadPositionMoved(caller.tenant(), member.sessionPk, sessionId, caller.userId(), seq,
                    caller.connectionId()));
        }
        participants.getEntityManager().refresh(member);
        long unread = messages.unreadBySession(caller.userId(), List.of(member.sessionPk))
                .getOrDefault(member.sessionPk, 0L);
        return new ReadStateView(sessionId, member.lastReadSeq, unread);
    }

    /**
     * Who of the session's members, other than the sender, has read the message at seq (and when their read
     * position first reached it), and who has not yet. Anyone who may read the session may ask.
     */
    @Transactional
    public ReadByView readers(Caller caller, String sessionId, long seq) {
        Access admitted = access.read(caller, sessionId);
        Message message = admitted.visibleMessage(messages, seq);
        Map<String, Instant> firstRead = ReadMark.firstReadOf(admitted.sessionPk(), seq);
        List<ReadByView.Reader> readers = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Participant member : participants.activeOf(admitted.sessionPk())) {
            if (member.userId.equals(message.senderId)) {
                continue;
            }
            if (member.lastReadSeq >= seq) {
                readers.add(new ReadByView.Reader(member.userId, firstRead.get(member.userId)));
            } else {
                unread.add(member.userId);
            }
        }
        readers.sort(Comparator.comparing(ReadByView.Reader::readAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReadByView.Reader::userId));
        unread.sort(Comparator.naturalOrder());
        return new ReadByView(readers, unread);
    }

    @Transactional
    public UnreadView unread(Caller caller) {
        List<UnreadView.SessionUnread> sessions = messages.unreadOfUser(caller.userId()).stream()
                .map(row -> new UnreadView.SessionUnread(row.sessionId(), row.unread())).toList();
        return new UnreadView(sessions.stream().mapToLong(UnreadView.SessionUnread::unread).sum(), sessions);
    }
}
