package io.careline.conversation.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Messages of the current tenant, and the unread counts derived from them. Unread means: after the
 * reader's last read seq, not sent by the reader, not a {@code system} notice, not recalled, and not after
 * they left.
 */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, Long> {
    private static final String UNREAD = """
            m.sessionPk = p.sessionPk and p.userId = :user and m.seq > p.lastReadSeq
            and (p.leftSeq is null or m.seq <= p.leftSeq) and m.senderId <> :user and m.type <> :system
            and m.recalledAt is null""";

    public Optional<Message> findBySeq(long sessionPk, long seq) {
        return find("sessionPk = ?1 and seq = ?2", sessionPk, seq).firstResultOptional();
    }

    /** The messages of one session at these seqs (those that exist). */
    public List<Message> findBySeqs(long sessionPk, Collection<Long> seqs) {
        return list("sessionPk = ?1 and seq in ?2", sessionPk, seqs);
    }

    /**
     * Messages with {@code lowerExclusive < seq <= upperInclusive}, optionally of one topic: ascending from
     * the lower bound, or descending from the upper bound (the caller reverses) for "latest first" pages.
     */
    public List<Message> range(long sessionPk, long lowerExclusive, long upperInclusive, String topicId,
            boolean ascending, int limit) {
        String topic = topicId == null ? "" : " and m.topicId = :topic";
        TypedQuery<Message> query = getEntityManager().createQuery(
                "select m from Message m where m.sessionPk = :session and m.seq > :lower and m.seq <= :upper" + topic
                        + " order by m.seq " + (ascending ? "asc" : "desc"), Message.class)
                .setParameter("session", sessionPk)
                .setParameter("lower", lowerExclusive)
                .setParameter("upper", upperInclusive)
                .setMaxResults(limit);
        if (topicId != null) {
            query.setParameter("topic", topicId);
        }
        return query.getResultList();
    }

    /** Unread counts of the given sessions of the user, by session pk (one query, zero counts omitted). */
    public Map<Long, Long> unreadBySession(String userId, Collection<Long> sessionPks) {
        if (sessionPks.isEmpty()) {
            return Map.of();
        }
        return unread(userId, " and m.sessionPk in :sessions", sessionPks).stream()
                .collect(Collectors.toMap(UnreadCount::sessionPk, UnreadCount::unread));
    }

    /** Unread counts over all the user's active sessions, by session id (zero counts omitted). */
    public List<UnreadCount> unreadOfUser(String userId) {
        return unread(userId, "", null);
    }

    /** Unread count per session type over the user's active sessions. */
    public List<TypeCount> unreadByType(String userId) {
        return getEntityManager().createQuery("select new io.careline.conversation.model.TypeCount(s.type, count(m))"
                + " from Message m, Participant p, Session s where s.pk = p.sessionPk and p.leftAt is null and "
                + UNREAD + " group by s.type", TypeCount.class)
                .setParameter("user", userId).setParameter("system", MessageType.SYSTEM)
                .getResultList();
    }

    private List<UnreadCount> unread(String userId, String sessionCondition, Collection<Long> sessionPks) {
        TypedQuery<UnreadCount> query = getEntityManager().createQuery(
                "select new io.careline.conversation.model.UnreadCount(s.pk, s.publicId, count(m))"
                        + " from Message m, Participant p, Session s where s.pk = p.sessionPk and p.leftAt is null and "
                        + UNREAD + sessionCondition + " group by s.pk, s.publicId order by s.publicId", UnreadCount.class)
                .setParameter("user", userId).setParameter("system", MessageType.SYSTEM);
        if (sessionPks != null) {
            query.setParameter("sessions", sessionPks);
        }
        return query.getResultList();
    }
}
