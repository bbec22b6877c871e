package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.security.Caller;
import io.careline.push.api.EventRequest;
import io.careline.push.api.EventResult;
import io.careline.push.api.RuleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Business events from hospital systems: stored once by event id, ordered per entity by when they happened,
 * and turned into notifications by the tenant's rules, all in one transaction (so the pushes they queue exist
 * exactly when the event does). Timeout rules are scheduled, and cancelled when the entity leaves the state.
 */
@ApplicationScoped
public class EventService {
    private static final UtcDateTimeConverter TIME = new UtcDateTimeConverter();
    static final String ACTED = "acted";
    static final String STALE = "stale";

    @Inject
    EntityManager entityManager;

    @Inject
    RuleService rules;

    @Inject
    RuleFiring firing;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public EventResult accept(Caller caller, EventRequest event) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Instant occurred = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        // A repeat waits here for the first to commit, then finds its row and answers its result.
        int inserted = entityManager.createNativeQuery("""
                INSERT IGNORE INTO business_events (tenant_id, event_id, entity, entity_id, from_state, to_state,
                  occurred_at, subjects, data, outcome, result, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'acted', '{}', ?10)""")
                .setParameter(1, caller.tenant()).setParameter(2, event.eventId()).setParameter(3, event.entity())
                .setParameter(4, event.entityId()).setParameter(5, event.fromState()).setParameter(6, event.toState())
                .setParameter(7, TIME.convertToDatabaseColumn(occurred)).setParameter(8, json(event.subjects()))
                .setParameter(9, event.data() == null ? null : event.data().toString())
                .setParameter(10, TIME.convertToDatabaseColumn(now)).executeUpdate();
        if (inserted == 0) {
            return read((String) entityManager.createNativeQuery(
                    "SELECT result FROM business_events WHERE tenant_id = ?1 AND event_id = ?2")
                    .setParameter(1, caller.tenant()).setParameter(2, event.eventId()).getSingleResult());
        }
        long eventPk = ((Number) entityManager.createNativeQuery(
                "SELECT pk FROM business_events WHERE tenant_id = ?1 AND event_id = ?2")
                .setParameter(1, caller.tenant()).setParameter(2, event.eventId()).getSingleResult()).longValue();
        EventResult result = stale(caller.tenant(), event, occurred)
                ? new EventResult(event.eventId(), STALE, List.of())
                : act(caller, event, eventPk, occurred);
        entityManager.createNativeQuery("UPDATE business_events SET outcome = ?1, result = ?2 WHERE pk = ?3")
                .setParameter(1, result.outcome()).setParameter(2, json(result)).setParameter(3, eventPk)
                .executeUpdate();
        return result;
    }

    /** True when the entity's last event happened after this one (it is recorded, not acted on). */
    private boolean stale(String tenant, EventRequest event, Instant occurred) {
        @SuppressWarnings("unchecked")
        List<Object> last = entityManager.createNativeQuery("""
                SELECT occurred_at FROM entity_states WHERE tenant_id = ?1 AND entity = ?2 AND entity_id = ?3
                FOR UPDATE""").setParameter(1, tenant).setParameter(2, event.entity())
                .setParameter(3, event.entityId()).getResultList();
        return !last.isEmpty() && UtcDateTimeConverter.fromNative(last.get(0)).isAfter(occurred);
    }

    private EventResult act(Caller caller, EventRequest event, long eventPk, Instant occurred) {
        String tenant = caller.tenant();
        entityManager.createNativeQuery("""
                INSERT INTO entity_states (tenant_id, entity, entity_id, state, occurred_at, event_pk)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON DUPLICATE KEY UPDATE state = VALUES(state), occurred_at = VALUES(occurred_at),
                  event_pk = VALUES(event_pk)""").setParameter(1, tenant).setParameter(2, event.entity())
                .setParameter(3, event.entityId()).setParameter(4, event.toState())
                .setParameter(5, TIME.convertToDatabaseColumn(occurred)).setParameter(6, eventPk).executeUpdate();
        // Timeout rules waiting on a state the entity has now left will not fire.
        entityManager.createNativeQuery("""
                UPDATE rule_timers t JOIN business_events e ON e.pk = t.event_pk SET t.status = 'CANCELLED'
                WHERE t.tenant_id = ?1 AND t.status = 'PENDING' AND e.entity = ?2 AND e.entity_id = ?3
                  AND e.to_state <> ?4""").setParameter(1, tenant).setParameter(2, event.entity())
                .setParameter(3, event.entityId()).setParameter(4, event.toState()).executeUpdate();
        RuleFiring.Fact fact = new RuleFiring.Fact(event.eventId(), event.entity(), event.entityId(),
                event.fromState(), event.toState(), event.subjects());
        List<EventResult.Match> matched = new ArrayList<>();
        for (RuleView rule : rules.matching(event.entity(), event.fromState(), event.toState())) {
            if (rule.delaySeconds() == 0) {
                matched.add(firing.fire(caller, rule, fact));
                continue;
            }
            Instant due = occurred.plusSeconds(rule.delaySeconds());
            entityManager.createNativeQuery("""
                    INSERT INTO rule_timers (tenant_id, rule_pk, event_pk, due_at, status)
                    SELECT tenant_id, pk, ?1, ?2, 'PENDING' FROM push_rules WHERE tenant_id = ?3 AND public_id = ?4""")
                    .setParameter(1, eventPk).setParameter(2, TIME.convertToDatabaseColumn(due))
                    .setParameter(3, tenant).setParameter(4, rule.id()).executeUpdate();
            matched.add(new EventResult.Match(rule.id(), rule.scenario(), null, 0, 0, due));
        }
        return new EventResult(event.eventId(), ACTED, matched);
    }

    private EventResult read(String json) {
        try {
            return mapper.readValue(json, EventResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event result unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are always serialisable", e);
        }
    }
}
