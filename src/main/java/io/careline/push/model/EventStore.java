package io.careline.push.model;

import io.careline.common.SqlTime;
import io.careline.push.api.EventRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Business events, once per event id, and each entity's latest state (plain SQL, the tenant bound). */
@ApplicationScoped
public class EventStore {
    @Inject
    EntityManager entityManager;

    /**
     * Stores the event unless the tenant has one of its id; answers whether it was new. A repeat waits here
     * for the first to commit.
     */
    public boolean insertIfNew(String tenant, EventRequest event, Instant occurred, String subjects, Instant received) {
        return entityManager.createNativeQuery("""
                INSERT IGNORE INTO business_events (tenant_id, event_id, entity, entity_id, from_state, to_state,
                  occurred_at, subjects, data, outcome, result, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'acted', '{}', ?10)""")
                .setParameter(1, tenant).setParameter(2, event.eventId()).setParameter(3, event.entity())
                .setParameter(4, event.entityId()).setParameter(5, event.fromState()).setParameter(6, event.toState())
                .setParameter(7, SqlTime.text(occurred)).setParameter(8, subjects)
                .setParameter(9, event.data() == null ? null : event.data().toString())
                .setParameter(10, SqlTime.text(received)).executeUpdate() > 0;
    }

    /** The stored result (JSON) of the tenant's event. */
    public String resultOf(String tenant, String eventId) {
        return (String) entityManager.createNativeQuery(
                "SELECT result FROM business_events WHERE tenant_id = ?1 AND event_id = ?2")
                .setParameter(1, tenant).setParameter(2, eventId).getSingleResult();
    }

    public long pkOf(String tenant, String eventId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT pk FROM business_events WHERE tenant_id = ?1 AND event_id = ?2")
                .setParameter(1, tenant).setParameter(2, eventId).getSingleResult()).longValue();
    }

    /** Records what the event led to: its outcome and its result (JSON). */
    public void finish(long eventPk, String outcome, String result) {
        entityManager.createNativeQuery("UPDATE business_events SET outcome = ?1, result = ?2 WHERE pk = ?3")
                .setParameter(1, outcome).setParameter(2, result).setParameter(3, eventPk).executeUpdate();
    }

    /** When the entity's latest event happened, its row locked until the transaction ends; empty if none yet. */
    public Optional<Instant> lockLastOccurred(String tenant, String entity, String entityId) {
        @SuppressWarnings("unchecked")
        List<Object> last = entityManager.createNativeQuery("""
                SELECT occurred_at FROM entity_states WHERE tenant_id = ?1 AND entity = ?2 AND entity_id = ?3
                FOR UPDATE""").setParameter(1, tenant).setParameter(2, entity).setParameter(3, entityId)
                .getResultList();
        return last.stream().findFirst().map(SqlTime::read);
    }

    /** The entity is now in {@code state}, since {@code occurred}, by the event {@code eventPk}. */
    public void putEntityState(String tenant, String entity, String entityId, String state, Instant occurred,
            long eventPk) {
        entityManager.createNativeQuery("""
                INSERT INTO entity_states (tenant_id, entity, entity_id, state, occurred_at, event_pk)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON DUPLICATE KEY UPDATE state = VALUES(state), occurred_at = VALUES(occurred_at),
                  event_pk = VALUES(event_pk)""").setParameter(1, tenant).setParameter(2, entity)
                .setParameter(3, entityId).setParameter(4, state)
                .setParameter(5, SqlTime.text(occurred)).setParameter(6, eventPk).executeUpdate();
    }
}
