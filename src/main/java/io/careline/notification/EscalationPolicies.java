package io.careline.notification;

/**
 * The current tenant's escalation policies, as a send names one: the escalation feature keeps them and
 * implements this, so notification/ does not depend on it.
 */
public interface EscalationPolicies {
    boolean exists(String policyId);
}
