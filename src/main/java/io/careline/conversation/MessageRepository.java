package io.careline.conversation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages of the current tenant, and the unread counts derived from them. Unread means: after the
 * reader's last read seq, not sent by the reader, not a {@code system} notice, and not after they left.
 */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, Long> {
    private static final String UNREAD = """
            m.sessionPk = p.sessionPk and p.userId = :user and m.seq > p.lastReadSeq
            and (p.leftSeq is null or m.seq <= p.leftSeq) and m.senderId <> :user and m.type <> :system""";

    public Optional<Message> findBySeq(long sessionPk, long seq) {
        return find("sessionPk = ?1 and seq = ?2", sessionPk, seq).firstResultOptional();
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

    /** Unread count per session pk, for the given sessions of the user (one query, zero counts omitted). */
    public Map<Long, Long> unreadBySession(String userId, Collection<Long> sessionPks) {
        Map<Long, Long> unread = new HashMap<>();
        if (sessionPks.isEmpty()) {
            return unread;
        }
        getEntityManager().createQuery("select m.sessionPk, count(m) from Message m, Participant p where " + UNREAD
                + " and m.sessionPk in :sessions group by m.sessionPk", Object[].class)
                .setParameter("user", userId).setParameter("system", MessageType.SYSTEM)
                .setParameter("sessions", sessionPks)
                .getResultList()
                .forEach(row -> unread.put((Long) row[0], (Long) row[1]));
        return unread;
    }

    /** Unread count per session public id over all the user's active sessions (zero counts omitted). */
    public List<Object[]> unreadOfUser(String userId) {
        return getEntityManager().createQuery("select s.publicId, count(m) from Message m, Participant p, Session s"
                + " where s.pk = p.sessionPk and p.leftAt is null and " + UNREAD
                + " group by s.publicId order by s.publicId", Object[].class)
                .setParameter("user", userId).setParameter("system", MessageType.SYSTEM)
                .getResultList();
    }

    /** Unread count per session type over the user's active sessions. */
    public List<Object[]> unreadByType(String userId) {
        return getEntityManager().createQuery("select s.type, count(m) from Message m, Participant p, Session s"
                + " where s.pk = p.sessionPk and p.leftAt is null and " + UNREAD + " group by s.type", Object[].class)
                .setParameter("user", userId).setParameter("system", MessageType.SYSTEM)
                .getResultList();
    }
}
