package io.careline.user;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlMarks;
import io.careline.common.SqlTime;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores user profiles of the current tenant. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {
    @Inject
    AgroalDataSource dataSource;

    public Optional<User> findByUserId(String userId) {
        return find("userId", userId).firstResultOptional();
    }

    public List<User> findByUserIds(Collection<String> userIds) {
        return userIds.isEmpty() ? List.of() : list("userId in ?1", userIds);
    }

    /**
     * User id to role of those of the users who have a profile in the tenant, in native SQL: it runs for
     * every notification sent, and Hibernate re-translates HQL on every call under the tenant filter
     * (docs/architecture.md, "Why JDBC on the hot path"), so the tenant is bound here.
     */
    public List<UserRole> rolesIn(String tenant, List<String> userIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT user_id, role FROM users WHERE tenant_id = ?1 AND user_id IN (?2)")
                .setParameter(1, tenant).setParameter(2, userIds).getResultList();
        return rows.stream().map(row -> new UserRole((String) row[0], Role.valueOf((String) row[1]))).toList();
    }

    /** User id to display name of those of the users who have a profile with one (native SQL, tenant bound). */
    public Map<String, String> displayNamesIn(String tenant, List<String> userIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT user_id, display_name FROM users
                WHERE tenant_id = ?1 AND user_id IN (?2) AND display_name IS NOT NULL""")
                .setParameter(1, tenant).setParameter(2, userIds).getResultList();
        Map<String, String> names = new HashMap<>();
        rows.forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** User id to contact details of those of the users whose profile has a phone or an email (native SQL). */
    public Map<String, Contact> contactsIn(String tenant, List<String> userIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT user_id, phone, email FROM users
                WHERE tenant_id = ?1 AND user_id IN (?2) AND (phone IS NOT NULL OR email IS NOT NULL)""")
                .setParameter(1, tenant).setParameter(2, userIds).getResultList();
        Map<String, Contact> contacts = new HashMap<>();
        rows.forEach(row -> contacts.put((String) row[0], new Contact((String) row[1], (String) row[2])));
        return contacts;
    }

    /** Every profile of the tenant with one of the roles: user id and role, without loading entities. */
    public List<UserRole> withRoles(Collection<Role> roles) {
        return roles.isEmpty() ? List.of() : getEntityManager().createQuery(
                "select new io.careline.user.UserRole(u.userId, u.role) from User u where u.role in :roles",
                UserRole.class).setParameter("roles", roles).getResultList();
    }

    /** Every profile of the tenant in the department (exact name). */
    public List<UserRole> inDepartment(String department) {
        return getEntityManager().createQuery(
                "select new io.careline.user.UserRole(u.userId, u.role) from User u where u.department = :department",
                UserRole.class).setParameter("department", department).getResultList();
    }

    /**
     * Of the given user ids, those with a profile in the tenant. Plain JDBC on a connection of its own, so that
     * it runs outside any transaction ({@link UserService#registerFromTokens}).
     */
    public Set<String> withProfileIn(String tenant, List<String> userIds) {
        Set<String> found = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT user_id FROM users WHERE tenant_id = ? "
                        + "AND user_id IN (" + SqlMarks.of(userIds.size()) + ")")) {
            read.setString(1, tenant);
            for (int i = 0; i < userIds.size(); i++) {
                read.setString(i + 2, userIds.get(i));
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading profiles failed", e);
        }
    }

    /**
     * Inserts a profile from token claims for each of the callers, in their order, unless one exists (another
     * node may insert it meanwhile): one JDBC batch, which the driver rewrites into one multi-row insert, on a
     * connection of its own.
     */
    public void insertAllIfAbsent(List<Caller> callers, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO users (tenant_id, user_id, display_name, role, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE pk = pk""")) {
            String at = SqlTime.text(now);
            for (Caller caller : callers) {
                insert.setString(1, caller.tenant());
                insert.setString(2, caller.userId());
                insert.setString(3, caller.displayName());
                insert.setString(4, caller.primaryRole().name());
                insert.setString(5, at);
                insert.setString(6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing profiles failed", e);
        }
    }

    /** Row-locks the user's profile until commit; false when the tenant has no such profile. */
    public boolean lock(String tenant, String userId) {
        return !getEntityManager().createNativeQuery("SELECT pk FROM users WHERE tenant_id = ?1 AND user_id = ?2 FOR UPDATE")
                .setParameter(1, tenant).setParameter(2, userId).getResultList().isEmpty();
    }
}
