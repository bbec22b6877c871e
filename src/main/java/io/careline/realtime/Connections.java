package io.careline.realtime;

import io.careline.realtime.api.ConnectionStats;
import io.careline.realtime.api.DirectoryEntry;
import io.careline.realtime.connection.ConnectionDirectory;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.CloseCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The one door into realtime for administrators: every node's open connections, listed, counted and closed. */
@ApplicationScoped
public class Connections {
    @Inject
    ConnectionDirectory directory;

    @Inject
    Fanout fanout;

    /** The tenant's open connections on every node, oldest first. */
    public List<DirectoryEntry> list(String tenant) {
        return directory.list(tenant);
    }

    /** The tenant's open connections and users online, counted by node, role and client type. */
    public ConnectionStats stats(String tenant) {
        List<DirectoryEntry> entries = directory.list(tenant);
        return new ConnectionStats(entries.size(),
                new HashSet<>(entries.stream().map(DirectoryEntry::userId).toList()).size(),
                countBy(entries, DirectoryEntry::node), countBy(entries, DirectoryEntry::role),
                countBy(entries, DirectoryEntry::clientType));
    }

    /**
     * Closes the user's device {@code connectionId}, or all their devices when it is null, on whichever nodes
     * hold them; the devices are told not to reconnect. Answers the close code they get.
     */
    public CloseCode disconnect(String tenant, String userId, String connectionId) {
        fanout.disconnect(tenant, userId, connectionId);
        return CloseCode.DISCONNECTED_BY_ADMIN;
    }

    private static Map<String, Integer> countBy(List<DirectoryEntry> entries, Function<DirectoryEntry, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(entry -> counts.merge(key.apply(entry), 1, Integer::sum));
        return counts;
    }
}
