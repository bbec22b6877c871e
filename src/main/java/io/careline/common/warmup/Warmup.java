package io.careline.common.warmup;

import io.careline.common.problem.DomainException;
import io.careline.common.security.Caller;

/**
 * Work a feature does once at start, before the node reports ready, so that the first requests of a crowd
 * find its queries parsed: Hibernate caches a query's interpretation only after its first parse, and 200
 * devices syncing at once on a fresh node all parsed the same HQL together (no synced within 20 s).
 */
public interface Warmup {
    /** Runs the feature's queries as {@code caller}, of a tenant that has no rows; must change nothing. */
    void warmUp(Caller caller);

    /** Runs a lookup whose refusal (no such session, say) is expected: its query ran, which is the point. */
    static void expectingRefusal(Runnable lookup) {
        try {
            lookup.run();
        } catch (DomainException expected) {
            // nothing exists in the warm-up tenant
        }
    }
}
