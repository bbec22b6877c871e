package io.careline.push.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * What an event did: {@code acted} (its rules fired or were scheduled) or {@code stale} (older than the entity's
 * last event: recorded, not acted on). A repeated event answers the first answer.
 */
@RegisterForReflection
public record EventResult(String eventId, String outcome, List<Match> matched) {

    /**
     * One rule the event matched: the notification it sent and the pushes it queued (one per device of its
     * recipients on the rule's channels), or when it fires (timeout rules).
     */
    @RegisterForReflection
    public record Match(String ruleId, String scenario, String notificationId, int recipients, int pushes,
            Instant firesAt) {
    }
}
