package io.careline.realtime.connection;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The WebSocket connections open on this node, by connection id and by tenant and user: one per device. */
@ApplicationScoped
public class ConnectionRegistry {
    private final Map<UserKey, Set<LiveConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, LiveConnection> byId = new ConcurrentHashMap<>();

    /** A user of a tenant. */
    public record UserKey(String tenant, String userId) {
    }

    /** Adds a device; true when it is the user's first on this node. */
    public boolean add(LiveConnection connection) {
        byId.put(connection.id(), connection);
        boolean[] first = new boolean[1];
        byUser.compute(keyOf(connection), (key, devices) -> {
            Set<LiveConnection> set = devices != null ? devices : ConcurrentHashMap.newKeySet();
            first[0] = set.isEmpty();
            set.add(connection);
            return set;
        });
        return first[0];
    }

    /** Removes a device; true when it was the user's last on this node. */
    public boolean remove(LiveConnection connection) {
        byId.remove(connection.id());
        boolean[] last = new boolean[1];
        byUser.computeIfPresent(keyOf(connection), (key, devices) -> {
            devices.remove(connection);
            last[0] = devices.isEmpty();
            return last[0] ? null : devices;
        });
        return last[0];
    }

    public LiveConnection get(String connectionId) {
        return byId.get(connectionId);
    }

    public Collection<LiveConnection> of(String tenant, String userId) {
        return byUser.getOrDefault(new UserKey(tenant, userId), Set.of());
    }

    /** The users with at least one device on this node. */
    public List<UserKey> users() {
        return List.copyOf(byUser.keySet());
    }

    public Collection<LiveConnection> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    private static UserKey keyOf(LiveConnection connection) {
        return new UserKey(connection.caller.tenant(), connection.caller.userId());
    }
}
