package io.careline.conversation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Memberships of sessions of the current tenant. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, Long> {

    public Optional<Participant> find(long sessionPk, String userId) {
        return find("sessionPk = ?1 and userId = ?2", sessionPk, userId).firstResultOptional();
    }

    /** Every membership row, active or left, in join order. */
    public List<Participant> allOf(long sessionPk) {
        return list("sessionPk = ?1 order by pk", sessionPk);
    }

    public List<Participant> activeOf(long sessionPk) {
        return list("sessionPk = ?1 and leftAt is null order by pk", sessionPk);
    }

    public boolean shareASession(String userId, String otherUserId) {
        return getEntityManager().createQuery("""
                select count(p) from Participant p, Participant q
                where p.sessionPk = q.sessionPk and p.userId = :a and q.userId = :b
                  and p.leftAt is null and q.leftAt is null""", Long.class)
                .setParameter("a", userId).setParameter("b", otherUserId).setMaxResults(1)
                .getSingleResult() > 0;
    }
}
