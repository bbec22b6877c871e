package io.careline.conversation.model;

import io.careline.conversation.api.TopicState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Topics (consultations) of the current tenant and the workbench lists over them. */
@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, Long> {
    private static final String OF_USER = "t.sessionPk = s.pk and p.sessionPk = s.pk and p.userId = :user"
            + " and p.leftAt is null";

    public Optional<Topic> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    /** The user's topics in one state, newest first, keyset after (openedAt, pk). */
    public List<TopicRow> pageOf(String userId, TopicState state, Instant afterOpenedAt, Long afterPk, int limit) {
        String cursor = afterPk == null ? ""
                : " and (t.openedAt < :at or (t.openedAt = :at and t.pk < :pk))";
        TypedQuery<TopicRow> query = getEntityManager().createQuery(
                "select new io.careline.conversation.model.TopicRow(t, s.publicId) from Topic t, Session s, Participant p"
                        + " where " + OF_USER + " and t.status = :status" + repliedCondition(state) + cursor
                        + " order by t.openedAt desc, t.pk desc", TopicRow.class)
                .setParameter("user", userId)
                .setParameter("status", state == TopicState.ENDED ? TopicStatus.ENDED : TopicStatus.OPEN)
                .setMaxResults(limit);
        if (afterPk != null) {
            query.setParameter("at", afterOpenedAt).setParameter("pk", afterPk);
        }
        return query.getResultList();
    }

    /** Counts of the user's topics by status and replied flag. */
    public List<TopicCount> countsOf(String userId) {
        return getEntityManager().createQuery("select new io.careline.conversation.model.TopicCount(t.status,"
                + " t.replied, count(t)) from Topic t, Session s, Participant p where " + OF_USER
                + " group by t.status, t.replied", TopicCount.class)
                .setParameter("user", userId).getResultList();
    }

    private static String repliedCondition(TopicState state) {
        return switch (state) {
            case UNREPLIED -> " and t.replied = false";
            case IN_PROGRESS -> " and t.replied = true";
            case ENDED -> "";
        };
    }
}
