package io.careline.admin;

import io.careline.admin.api.ConnectionList;
import io.careline.admin.api.DisconnectRequest;
import io.careline.admin.api.DisconnectView;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.realtime.Connections;
import io.careline.realtime.api.ConnectionStats;
import io.careline.realtime.api.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The tenant's open connections on every node for administrators: filtered, counted, and closed on request. */
@ApplicationScoped
public class ConnectionAdminService {
    @Inject
    Connections connections;

    @Inject
    AuditLog audit;

    /** The connections matching every filter given (exact compare), the first {@code limit} of them. */
    public ConnectionList list(Caller caller, ConnectionFilter filter, int limit) {
        List<DirectoryEntry> matching = connections.list(caller.tenant()).stream().filter(filter::matches).toList();
        return new ConnectionList(matching.subList(0, Math.min(limit, matching.size())), matching.size());
    }

    public ConnectionStats stats(Caller caller) {
        return connections.stats(caller.tenant());
    }

    /**
     * Closes the user's named device, or all of them, on whichever nodes hold them, with the "do not
     * reconnect" code, and records it. A device the directory does not list is 404 and nothing is recorded.
     */
    public DisconnectView disconnect(Caller caller, DisconnectRequest request) {
        List<String> targets = connections.list(caller.tenant()).stream()
                .filter(entry -> entry.userId().equals(request.userId()))
                .map(DirectoryEntry::connectionId)
                .filter(id -> request.connectionId() == null || id.equals(request.connectionId()))
                .toList();
        if (targets.isEmpty()) {
            throw new DomainException(ErrorCode.CONNECTION_NOT_FOUND, request.connectionId() == null
                    ? "The user has no open connection." : "The user has no open connection with this id.");
        }
        String auditId = audit.record(caller, AuditLog.DISCONNECT, request.userId(), targets, request.reason());
        int closeCode = connections.disconnect(caller.tenant(), request.userId(), request.connectionId()).code();
        return new DisconnectView(auditId, request.userId(), targets, closeCode);
    }
}
