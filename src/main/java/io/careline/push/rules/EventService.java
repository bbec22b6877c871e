package io.careline.push.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Caller;
import io.careline.push.api.EventRequest;
import io.careline.push.api.EventResult;
import io.careline.push.api.RuleView;
import io.careline.push.model.EventStore;
import io.careline.push.model.RuleTimerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    static final String ACTED = "acted";
    static final String STALE = "stale";

    @Inject
    EventStore events;

    @Inject
    RuleTimerStore timers;

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
        if (!events.insertIfNew(caller.tenant(), event, occurred, json(event.subjects()), now)) {
            return read(events.resultOf(caller.tenant(), event.eventId()));
        }
        long eventPk = events.pkOf(caller.tenant(), event.eventId());
        EventResult result = stale(caller.tenant(), event, occurred)
                ? new EventResult(event.eventId(), STALE, List.of())
                : act(caller, event, eventPk, occurred);
        events.finish(eventPk, result.outcome(), json(result));
        return result;
    }

    /** True when the entity's last event happened after this one (it is recorded, not acted on). */
    private boolean stale(String tenant, EventRequest event, Instant occurred) {
        return events.lockLastOccurred(tenant, event.entity(), event.entityId()).filter(occurred::isBefore)
                .isPresent();
    }

    private EventResult act(Caller caller, EventRequest event, long eventPk, Instant occurred) {
        String tenant = caller.tenant();
        events.putEntityState(tenant, event.entity(), event.entityId(), event.toState(), occurred, eventPk);
        // Timeout rules waiting on a state the entity has now left will not fire.
        timers.cancelOthers(tenant, event.entity(), event.entityId(), event.toState());
        RuleFiring.Fact fact = new RuleFiring.Fact(event.eventId(), event.entity(), event.entityId(),
                event.fromState(), event.toState(), event.subjects());
        List<EventResult.Match> matched = new ArrayList<>();
        for (RuleView rule : rules.matching(event.entity(), event.fromState(), event.toState())) {
            if (rule.delaySeconds() == 0) {
                matched.add(firing.fire(caller, rule, fact));
                continue;
            }
            Instant due = occurred.plusSeconds(rule.delaySeconds());
            timers.schedule(tenant, rule.id(), eventPk, due);
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
