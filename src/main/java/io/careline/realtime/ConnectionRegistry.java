package io.careline.realtime;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The WebSocket connections open on this node, by tenant and user: one per device. */
@ApplicationScoped
public class ConnectionRegistry {
    private final Map<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();

    void add(String tenant, String userId, WebSocketConnection connection) {
        byUser.computeIfAbsent(key(tenant, userId), k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(String tenant, String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(key(tenant, userId), (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    List<WebSocketConnection> of(String tenant, String userId) {
        return List.copyOf(byUser.getOrDefault(key(tenant, userId), Set.of()));
    }

    boolean isEmpty() {
        return byUser.isEmpty();
    }

    private static String key(String tenant, String userId) {
        // Tenant and user ids are both bounded strings; a separator they may contain could collide, length cannot.
        return tenant.length() + ":" + tenant + userId;
    }
}
