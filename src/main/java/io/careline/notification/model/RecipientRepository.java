package io.careline.notification.model;

import io.careline.common.paging.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Notifications as the current tenant's users have them. */
@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, Long> {
    /** Unread: neither read nor archived, and not expired. */
    private static final String UNREAD = " and r.readAt is null and r.archivedAt is null and r.status <> :expired";

    public List<Recipient> ofUser(String userId, Collection<String> publicIds) {
        return getEntityManager().createQuery("""
                select r from Recipient r join fetch r.notification n
                where r.userId = :user and n.publicId in :ids""", Recipient.class)
                .setParameter("user", userId).setParameter("ids", publicIds).getResultList();
    }

    /** The user's unread notifications, of one type when it is given. */
    public List<Recipient> unreadOf(String userId, String type) {
        TypedQuery<Recipient> query = getEntityManager().createQuery(
                "select r from Recipient r join fetch r.notification n where r.userId = :user" + UNREAD
                        + (type == null ? "" : " and n.type = :type") + " order by r.nseq", Recipient.class)
                .setParameter("user", userId).setParameter("expired", RecipientStatus.EXPIRED);
        return type == null ? query.getResultList() : query.setParameter("type", type).getResultList();
    }

    /** A history page, {@code limit + 1} rows, after the cursor (null for the first page). */
    public List<Recipient> history(String userId, HistoryQuery filter, PageCursor after, int limit) {
        StringBuilder where = new StringBuilder(" where r.userId = :user");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("user", userId);
        if (filter.type() != null) {
            where.append(" and n.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.priority() != null) {
            where.append(" and n.priority = :priority");
            parameters.put("priority", filter.priority());
        }
        if (filter.since() != null) {
            where.append(" and n.createdAt >= :since");
            parameters.put("since", filter.since());
        }
        if (filter.box() == null) {
            where.append(" and r.archivedAt is null");
        } else {
            switch (filter.box()) {
                case UNREAD -> {
                    where.append(UNREAD);
                    parameters.put("expired", RecipientStatus.EXPIRED);
                }
                case READ -> where.append(" and r.readAt is not null and r.archivedAt is null");
                case ARCHIVED -> where.append(" and r.archivedAt is not null");
            }
        }
        if (after != null && filter.byPriority()) {
            where.append(" and (r.priorityRank < :rank or (r.priorityRank = :rank and r.nseq < :nseq))");
            parameters.put("rank", (int) after.get(0));
            parameters.put("nseq", after.get(1));
        } else if (after != null) {
            where.append(" and r.nseq < :nseq");
            parameters.put("nseq", after.get(0));
        }
        String order = filter.byPriority() ? " order by r.priorityRank desc, r.nseq desc" : " order by r.nseq desc";
        TypedQuery<Recipient> query = getEntityManager().createQuery(
                "select r from Recipient r join fetch r.notification n" + where + order, Recipient.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    /**
     * What a sync sends: the user's notifications after {@code afterNseq} in nseq order, not expired, and
     * when {@code unreadOnly} only the unread; {@code limit + 1} rows.
     */
    public List<Recipient> syncPage(String userId, long afterNseq, boolean unreadOnly, Instant now, int limit) {
        return getEntityManager().createQuery("""
                select r from Recipient r join fetch r.notification n
                where r.userId = :user and r.nseq > :after and r.status <> :expired
                  and (n.expiresAt is null or n.expiresAt > :now)""" + (unreadOnly
                ? " and r.readAt is null and r.archivedAt is null" : "") + " order by r.nseq", Recipient.class)
                .setParameter("user", userId).setParameter("after", afterNseq)
                .setParameter("expired", RecipientStatus.EXPIRED).setParameter("now", now)
                .setMaxResults(limit + 1).getResultList();
    }

    public List<UnreadTally> unreadTallies(String userId) {
        return getEntityManager().createQuery("""
                select new io.careline.notification.model.UnreadTally(n.type, n.priority, count(r))
                from Recipient r join r.notification n
                where r.userId = :user""" + UNREAD + " group by n.type, n.priority", UnreadTally.class)
                .setParameter("user", userId).setParameter("expired", RecipientStatus.EXPIRED).getResultList();
    }

    public long unreadCount(String userId) {
        return getEntityManager().createQuery("select count(r) from Recipient r where r.userId = :user" + UNREAD,
                Long.class).setParameter("user", userId).setParameter("expired", RecipientStatus.EXPIRED)
                .getSingleResult();
    }

    /** The user's notifications that ask for an acknowledgement not given yet (not expired). */
    public long unacknowledgedCount(String userId) {
        return getEntityManager().createQuery("""
                select count(r) from Recipient r where r.userId = :user and r.notification.requiresAck = true
                and r.acknowledgedAt is null and r.status <> :expired""", Long.class)
                .setParameter("user", userId).setParameter("expired", RecipientStatus.EXPIRED).getSingleResult();
    }

    /** One notification's recipients after {@code afterPk}, {@code limit + 1} rows. */
    public List<Recipient> ofNotification(long notificationPk, long afterPk, int limit) {
        return find("notification.pk = ?1 and pk > ?2 order by pk", notificationPk, afterPk).page(0, limit + 1)
                .list();
    }

    public List<StatusTally> statusTallies(long notificationPk) {
        return getEntityManager().createQuery("""
                select new io.careline.notification.model.StatusTally(r.status, count(r))
                from Recipient r where r.notification.pk = :pk group by r.status""", StatusTally.class)
                .setParameter("pk", notificationPk).getResultList();
    }

    public long archivedCount(long notificationPk) {
        return count("notification.pk = ?1 and archivedAt is not null", notificationPk);
    }
}
