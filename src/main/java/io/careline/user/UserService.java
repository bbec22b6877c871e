package io.careline.user;

import io.careline.common.Batches;
import io.careline.common.Outcome;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Profiles: upserted by hospital systems, created from token claims, visible to those who may see them. */
@ApplicationScoped
public class UserService {
    @Inject
    UserRepository users;

    @Inject
    SharedSessions sharing;

    /**
     * Gives each caller without a profile one from its token's claims. Outside any transaction (the callers'
     * requests may each be in theirs): a read, then for the callers it did not find one multi-row insert, each
     * committing by itself, and both harmless to repeat. Callers who have a profile cost the read, not a write, so
     * a reconnect storm of known users after a restart writes nothing.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void registerFromTokens(List<Caller> callers) {
        Map<String, Map<String, Caller>> byTenant = new TreeMap<>();
        callers.forEach(caller -> byTenant.computeIfAbsent(caller.tenant(), tenant -> new TreeMap<>())
                .putIfAbsent(caller.userId(), caller));
        List<Caller> missing = new ArrayList<>();
        byTenant.forEach((tenant, byUser) -> {
            for (List<String> batch : Batches.of(List.copyOf(byUser.keySet()), 1000)) {
                Set<String> known = users.withProfileIn(tenant, batch);
                batch.stream().filter(userId -> !known.contains(userId))
                        .forEach(userId -> missing.add(byUser.get(userId)));
            }
        });
        if (!missing.isEmpty()) {
            users.insertAllIfAbsent(missing, Instant.now());
        }
    }

    @Transactional
    public Outcome<UserView> upsert(String userId, UpsertUserRequest request) {
        Instant now = Instant.now();
        User user = users.findByUserId(userId).orElse(null);
        boolean created = user == null;
        if (created) {
            user = new User();
            user.userId = userId;
            user.createdAt = now;
        }
        user.displayName = request.displayName();
        user.role = request.role();
        user.department = request.department();
        user.avatarUrl = request.avatarUrl();
        user.clientType = request.clientType();
        user.phone = request.phone();
        user.email = request.email();
        user.updatedAt = now;
        if (created) {
            users.persist(user);
        }
        return new Outcome<>(UserView.withContacts(user), created);
    }

    /**
     * A profile is visible to its owner, to staff, and to those who share a session with its owner; its contact
     * details only to hospital systems and admins.
     */
    @Transactional
    public UserView get(Caller caller, String userId) {
        boolean visible = caller.userId().equals(userId) || caller.isStaff()
                || sharing.shareASession(caller.userId(), userId);
        return users.findByUserId(userId).filter(user -> visible)
                .map(caller.isManager() ? UserView::withContacts : UserView::of)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "No such user."));
    }

    /** User id to contact details of those of the users whose profile has any (no ORM query). */
    public Map<String, Contact> contactsIn(String tenant, List<String> userIds) {
        Map<String, Contact> contacts = new HashMap<>();
        for (List<String> batch : Batches.of(userIds, 1000)) {
            contacts.putAll(users.contactsIn(tenant, batch));
        }
        return contacts;
    }

    /** The profile roles of the given users, for defaulting participant roles (one query). */
    public Map<String, Role> rolesOf(Collection<String> userIds) {
        return users.findByUserIds(userIds).stream().collect(Collectors.toMap(u -> u.userId, u -> u.role));
    }

    /** User id to role of those of the users who have a profile in the tenant (no ORM query: a send's hot path). */
    public Map<String, Role> rolesIn(String tenant, List<String> userIds) {
        Map<String, Role> roles = new HashMap<>();
        for (List<String> batch : Batches.of(userIds, 1000)) {
            roles.putAll(asMap(users.rolesIn(tenant, batch)));
        }
        return roles;
    }

    /**
     * Row-locks the user's profile until the caller's transaction ends, so that one user's requests that must not
     * run at once take turns; false when the tenant has no such profile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockProfile(String tenant, String userId) {
        return users.lock(tenant, userId);
    }

    /** Whether the user's profile in the tenant has the role (no ORM query). */
    public boolean hasRole(String tenant, String userId, Role role) {
        return users.rolesIn(tenant, List.of(userId)).stream().anyMatch(row -> row.role() == role);
    }

    /** User id to display name of those of the users whose profile in the tenant has one (no ORM query). */
    public Map<String, String> displayNamesIn(String tenant, List<String> userIds) {
        Map<String, String> names = new HashMap<>();
        for (List<String> batch : Batches.of(userIds, 1000)) {
            names.putAll(users.displayNamesIn(tenant, batch));
        }
        return names;
    }

    /** User id to role of every profile of the caller's tenant with one of the roles. */
    @Transactional
    public Map<String, Role> withRoles(Collection<Role> roles) {
        return asMap(users.withRoles(roles));
    }

    /** User id to role of every profile of the caller's tenant in the department. */
    @Transactional
    public Map<String, Role> inDepartment(String department) {
        return asMap(users.inDepartment(department));
    }

    /** The department of the user's profile, if they have a profile with one. */
    @Transactional
    public Optional<String> departmentOf(String userId) {
        return users.findByUserId(userId).map(user -> user.department);
    }

    private static Map<String, Role> asMap(List<UserRole> rows) {
        return rows.stream().collect(Collectors.toMap(UserRole::userId, UserRole::role));
    }
}
