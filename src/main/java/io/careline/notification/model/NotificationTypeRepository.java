package io.careline.notification.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import io.careline.notification.api.NotificationPriority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The current tenant's notification catalogue. */
@ApplicationScoped
public class NotificationTypeRepository implements PanacheRepositoryBase<NotificationType, Long> {
    @Inject
    AgroalDataSource dataSource;

    public Optional<NotificationType> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The tenant's types that can be sent (native SQL with the tenant bound: read for the send path's cache). */
    public List<NotificationType> sendableIn(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT code, default_priority, sender_roles, recipient_roles FROM notification_types
                WHERE tenant_id = ?1 AND retired = FALSE""").setParameter(1, tenant).getResultList();
        return rows.stream().map(row -> {
            NotificationType type = new NotificationType();
            type.code = (String) row[0];
            type.defaultPriority = NotificationPriority.valueOf((String) row[1]);
            type.senderRoles = (String) row[2];
            type.recipientRoles = (String) row[3];
            return type;
        }).toList();
    }

    public List<NotificationType> active() {
        return list("retired = false order by code");
    }

    /**
     * Writes those of {@code shipped} whose code the tenant has no type of yet (INSERT IGNORE, so parallel
     * nodes shipping at once write each once).
     */
    public void insertAbsent(String tenant, List<NotificationType> shipped, Instant at) {
        String now = SqlTime.text(at);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT IGNORE INTO notification_types (tenant_id, code, description, default_priority,
                            sender_roles, recipient_roles, retired, updated_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)""")) {
            for (NotificationType type : shipped) {
                insert.setString(1, tenant);
                insert.setString(2, type.code);
                insert.setString(3, type.description);
                insert.setString(4, type.defaultPriority.name());
                insert.setString(5, type.senderRoles);
                insert.setString(6, type.recipientRoles);
                insert.setString(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the shipped notification types failed", e);
        }
    }
}
