package io.careline.realtime.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** The tenant's open connections and users online, counted by node, role and client type. */
@RegisterForReflection
public record ConnectionStats(int connections, int users, Map<String, Integer> byNode, Map<String, Integer> byRole,
        Map<String, Integer> byClientType) {
}
