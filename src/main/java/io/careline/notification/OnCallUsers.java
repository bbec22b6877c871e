package io.careline.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is on duty on one of the current tenant's rosters: what a send targeting {@code oncall} reaches. The
 * escalation feature keeps the rosters and implements it, so notification/ does not depend on it.
 */
public interface OnCallUsers {
    /** The users on duty at the instant, in the roster's order; empty when the tenant has no such roster. */
    Optional<List<String>> onDuty(String rosterId, Instant at);
}
