package io.careline.admin;

import io.careline.admin.api.ConnectionList;
import io.careline.admin.api.ConnectionStats;
import io.careline.admin.api.DisconnectRequest;
import io.careline.admin.api.DisconnectView;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.realtime.CloseCodes;
import io.careline.realtime.ConnectionDirectory;
import io.careline.realtime.DirectoryEntry;
import io.careline.realtime.Fanout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The tenant's open connections on every node for administrators: filtered, counted, and closed on request. */
@ApplicationScoped
public class ConnectionAdminService {
    @Inject
    ConnectionDirectory directory;

    @Inject
    Fanout fanout;

    @Inject
    AuditLog audit;

    /** The connections matching every filter given (exact compare), the first {@code limit} of them. */
    public ConnectionList list(Caller caller, ConnectionFilter filter, int limit) {
        List<DirectoryEntry> matching = directory.list(caller.tenant()).stream().filter(filter::matches).toList();
        return new ConnectionList(matching.subList(0, Math.min(limit, matching.size())), matching.size());
    }

    public ConnectionStats stats(Caller caller) {
        List<DirectoryEntry> entries = directory.list(caller.tenant());
        return new ConnectionStats(entries.size(),
                new HashSet<>(entries.stream().map(DirectoryEntry::userId).toList()).size(),
                countBy(entries, DirectoryEntry::node), countBy(entries, DirectoryEntry::role),
                countBy(entries, DirectoryEntry::clientType));
    }

    /**
     * Closes the user's named device, or all of them, on whichever nodes hold them, with the "do not
     * reconnect" code, and records it. A device the directory does not list is 404 and nothing is recorded.
     */
    public DisconnectView disconnect(Caller caller, DisconnectRequest request) {
        List<String> targets = directory.list(caller.tenant()).stream()
                .filter(entry -> entry.userId().equals(request.userId()))
                .map(DirectoryEntry::connectionId)
                .filter(id -> request.connectionId() == null || id.equals(request.connectionId()))
                .toList();
        if (targets.isEmpty()) {
            throw new DomainException(ErrorCode.CONNECTION_NOT_FOUND, request.connectionId() == null
                    ? "The user has no open connection." : "The user has no open connection with this id.");
        }
        String auditId = audit.record(caller, AuditLog.DISCONNECT, request.userId(), targets, request.reason());
        fanout.disconnect(caller.tenant(), request.userId(), request.connectionId());
        return new DisconnectView(auditId, request.userId(), targets, CloseCodes.DISCONNECTED_BY_ADMIN);
    }

    private static Map<String, Integer> countBy(List<DirectoryEntry> entries, Function<DirectoryEntry, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(entry -> counts.merge(key.apply(entry), 1, Integer::sum));
        return counts;
    }
}
