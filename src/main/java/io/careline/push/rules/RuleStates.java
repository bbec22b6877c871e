package io.careline.push.rules;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The states a rule fires on: entering one of {@code to}, when leaving one of {@code from} (any when null). */
@RegisterForReflection
public record RuleStates(List<String> to, List<String> from) {

    public boolean matches(String fromState, String toState) {
        return to.contains(toState) && (from == null || from.contains(fromState));
    }
}
