package io.careline.admin;

import io.careline.realtime.api.DirectoryEntry;

/** The connection list's filters; a null one matches everything, the others compare exactly. */
public record ConnectionFilter(String userId, String role, String clientType, String node) {

    boolean matches(DirectoryEntry entry) {
        return (userId == null || userId.equals(entry.userId()))
                && (role == null || role.equals(entry.role()))
                && (clientType == null || clientType.equals(entry.clientType()))
                && (node == null || node.equals(entry.node()));
    }
}
