package io.careline.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Room subscriptions of the current tenant. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<RoomSubscription, Long> {

    public List<String> roomsOf(String userId) {
        return getEntityManager().createQuery(
                "select s.room from RoomSubscription s where s.userId = :user order by s.room", String.class)
                .setParameter("user", userId).getResultList();
    }

    public List<String> subscribersOf(String room) {
        return getEntityManager().createQuery(
                "select s.userId from RoomSubscription s where s.room = :room", String.class)
                .setParameter("room", room).getResultList();
    }

    public long unsubscribe(String userId, Collection<String> rooms) {
        return delete("userId = ?1 and room in ?2", userId, rooms);
    }
}
