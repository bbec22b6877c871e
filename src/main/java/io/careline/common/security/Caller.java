package io.careline.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject, tenant and roles, resolved once per request, and the WebSocket
 * connection the call came over (null over REST), which does not get its own changes echoed back.
 */
public record Caller(String tenant, String userId, Set<Role> roles, String displayName, String connectionId) {

    public Caller(String tenant, String userId, Set<Role> roles, String displayName) {
        this(tenant, userId, roles, displayName, null);
    }

    /** The same caller, calling over a WebSocket connection. */
    public Caller over(String connection) {
        return new Caller(tenant, userId, roles, displayName, connection);
    }

    /** A hospital system or an administrator: may manage every session of its tenant. */
    public boolean isManager() {
        return roles.contains(Role.SERVICE) || roles.contains(Role.ADMIN);
    }

    /** Any role but patient; a token without a known role counts as a patient. */
    public boolean isStaff() {
        return roles.stream().anyMatch(role -> role != Role.PATIENT);
    }

    /** The role a new profile or participant gets when nothing else says: the most privileged one held. */
    public Role primaryRole() {
        for (Role role : new Role[] { Role.SERVICE, Role.ADMIN, Role.DOCTOR, Role.NURSE, Role.AGENT }) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return Role.PATIENT;
    }
}
